/**
 * Reads .eml files back with a real MIME parser: Python's standard library `email` package (policy.default,
 * which decodes RFC 2047 encoded-words, RFC 2231 parameters, quoted-printable and base64, and lists every
 * defect it meets). python3 is on every machine the tests run on (validate-ooxml.py needs it too).
 */
import { spawnSync } from "node:child_process";

export interface ParsedMail {
  file: string;
  to: { name: string; address: string }[];
  subject: string;
  xUnsent: string | null;
  from: string | null;
  contentType: string;
  text: string;
  attachments: { fileName: string; contentType: string; nameParam: string; data: Buffer }[];
  /** Defects the parser noted anywhere in the message, by part. */
  defects: string[];
  /** The longest line of the file, in characters without CRLF. */
  longestLine: number;
  /** Whether every line ends with CRLF. */
  crlf: boolean;
}

const SCRIPT = String.raw`
import email, json, sys, base64
from email import policy
out = []
for f in sys.argv[1:]:
    raw = open(f, "rb").read()
    m = email.message_from_bytes(raw, policy=policy.default)
    to = m["To"]
    body = m.get_body(("plain",))
    atts = []
    for a in m.iter_attachments():
        atts.append({"fileName": a.get_filename(), "contentType": a.get_content_type(),
                     "nameParam": a.get_param("name", header="content-type") or "",
                     "data": base64.b64encode(a.get_payload(decode=True)).decode()})
    lines = raw.split(b"\r\n")
    out.append({
        "file": f,
        "to": [{"name": x.display_name, "address": x.addr_spec} for x in (to.addresses if to else [])],
        "subject": str(m["Subject"]),
        "xUnsent": m["X-Unsent"],
        "from": m["From"],
        "contentType": m.get_content_type(),
        "text": body.get_content() if body else "",
        "attachments": atts,
        "defects": [repr(d) for p in m.walk() for d in p.defects],
        "longestLine": max(len(l) for l in lines),
        "crlf": b"\n" not in raw.replace(b"\r\n", b""),
    })
json.dump(out, sys.stdout)
`;

export function parseEml(files: string[]): ParsedMail[] {
  const run = spawnSync("python3", ["-c", SCRIPT, ...files], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`python3 email: ${run.stderr}`);
  const parsed = JSON.parse(run.stdout) as (Omit<ParsedMail, "attachments"> & {
    attachments: (Omit<ParsedMail["attachments"][number], "data"> & { data: string })[];
  })[];
  return parsed.map((m) => ({
    ...m,
    // The text's lines end with CRLF in the message; as the mail program shows it, with "\n".
    text: m.text.replace(/\r\n/g, "\n"),
    attachments: m.attachments.map((a) => ({ ...a, data: Buffer.from(a.data, "base64") })),
  }));
}
