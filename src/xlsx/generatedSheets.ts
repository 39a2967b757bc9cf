/**
 * The policy for sheets the program generates (Prüfbericht, Bewertung, Übersicht …): a plan replaces the
 * sheet whole, with its table, notes and charts; of what a user added to such a sheet, the protection and a
 * drawing are kept, the program's own parts are replaced, and anything else refuses the write by name.
 */
import type { SheetPlan } from "../workbook/plan";
import { chartXml, drawingXml } from "./chartXml";
import {
  PackageError,
  type Relationship,
  PART_KINDS,
  type PartKind,
  isKind,
  relativeTarget,
  relsPartOf,
  relsXml,
  resolveTarget,
} from "./opc";
import { type GeneratedSheet, generateSheet } from "./sheetXml";
import type { WorkbookPart } from "./workbookPart";
import { element, rootPrefix } from "./xml";

/** What survives of a regenerated sheet: the user's protection element and drawing relationship. */
interface KeptOfGenerated {
  rels: Relationship[];
  protection?: string;
  drawing?: string;
}

/**
 * Adds or replaces a generated sheet (whole). A sheet of that name keeps its place among the tabs;
 * refused (PackageError "chart-sheet" or "foreign-part") where that sheet cannot be replaced.
 */
export function replaceSheet(book: WorkbookPart, plan: SheetPlan): void {
  const opc = book.opc;
  const existing = book.sheets().find((s) => s.name.toLowerCase() === plan.name.toLowerCase());
  let part: string;
  let kept: KeptOfGenerated = { rels: [] };
  if (existing) {
    if (!existing.worksheet || !existing.part) throw new PackageError("chart-sheet", undefined, existing.name);
    part = existing.part;
    kept = keepOfGenerated(book, part, existing.name, (plan.charts?.length ?? 0) > 0);
    book.setSheetState(existing.rId, plan.state);
  } else {
    part = opc.freeName("worksheet");
    const rId = opc.addRelationship(book.part, "worksheet", part);
    book.appendSheet(plan.name, plan.state, rId);
    opc.declareType(part, "worksheet");
  }
  const rels: Relationship[] = [...kept.rels];
  const taken = new Set(kept.rels.map((r) => r.id));
  const free = (n: number): string => (taken.has(`rId${n}`) ? free(n + 10) : `rId${n}`);
  const rel = { table: free(1), comments: free(2), vml: free(3) };
  const charts = plan.charts?.length ? addCharts(book, part, plan, free(4)) : null;
  if (charts) rels.push(charts);
  const generated = generateSheet(plan, {
    styles: book.styles(),
    date1904: book.date1904(),
    tableId: Math.max(0, ...book.tables().map((t) => t.id)) + 1,
    rel,
    vmlId: 1000 + opc.partNames().filter((n) => n.endsWith(".vml")).length,
    ...(kept.protection ? { protection: kept.protection } : {}),
    ...(kept.drawing ? { drawing: kept.drawing } : {}),
    ...(charts ? { drawing: charts.id } : {}),
  });
  opc.put(part, generated.sheetXml);
  addSheetParts(book, part, generated, rel, rels);
  const relsPart = relsPartOf(part);
  if (rels.length) opc.put(relsPart, relsXml(rels));
  else if (opc.has(relsPart)) opc.remove(relsPart);
  book.setPrintTitles(plan.name, generated.printTitles);
  book.cellsChanged();
}

function relationshipTo(id: string, kind: PartKind, from: string, part: string): Relationship {
  return { id, type: PART_KINDS[kind].rel, target: relativeTarget(from, part), external: false };
}

function addSheetParts(
  book: WorkbookPart,
  part: string,
  g: GeneratedSheet,
  rel: { table: string; comments: string; vml: string },
  rels: Relationship[],
): void {
  const opc = book.opc;
  if (g.tableXml) rels.push(relationshipTo(rel.table, "table", part, opc.addPart("table", g.tableXml)));
  if (g.commentsXml && g.vmlXml) {
    rels.push(relationshipTo(rel.comments, "comments", part, opc.addPart("comments", g.commentsXml)));
    rels.push(relationshipTo(rel.vml, "vmlDrawing", part, opc.addPart("vmlDrawing", g.vmlXml)));
  }
}

/**
 * What a user added to a sheet the program regenerates, and what becomes of it: the program's own parts
 * (table, notes — put back from the plan —, printer settings) are removed; the user's sheet protection
 * and a drawing (charts, pictures anchored on the sheet) are kept; anything else (a pivot table, threaded
 * comments, controls …) cannot be kept on a sheet whose cells are rewritten, so the write is refused.
 */
function keepOfGenerated(book: WorkbookPart, part: string, name: string, ownsDrawing: boolean): KeptOfGenerated {
  const opc = book.opc;
  const ownKinds: PartKind[] = ["table", "comments", "vmlDrawing", "printerSettings"];
  if (ownsDrawing) ownKinds.push("drawing");
  const owned = (r: Relationship) => ownKinds.some((kind) => isKind(r, kind));
  const rels = opc.relationships(part);
  const drawing = rels.filter((r) => isKind(r, "drawing") && !r.external && !ownsDrawing);
  const foreign = rels.find((r) => !owned(r) && !isKind(r, "drawing") && !(r.external && isKind(r, "hyperlink")));
  if (foreign || drawing.length > 1) {
    const what = foreign
      ? foreign.external
        ? foreign.target
        : resolveTarget(part, foreign.target)
      : resolveTarget(part, drawing[1]!.target);
    throw new PackageError("foreign-part", what, name);
  }
  for (const r of rels) {
    if (r.external || !owned(r)) continue;
    removeWithOwnParts(book, resolveTarget(part, r.target));
  }
  const xml = opc.text(part)!;
  const p = rootPrefix(xml, "worksheet");
  const protection = element(xml, `${p}sheetProtection`);
  return {
    rels: drawing,
    ...(protection ? { protection: p ? protection.tag.replace(`<${p}`, "<") : protection.tag } : {}),
    ...(drawing[0] ? { drawing: drawing[0].id } : {}),
  };
}

/** Removes a part, and with a drawing the charts it holds (and their own style and colour parts). */
function removeWithOwnParts(book: WorkbookPart, target: string): void {
  const opc = book.opc;
  if (/^xl\/(drawings|charts)\//.test(target) && target.endsWith(".xml")) {
    for (const r of opc.relationships(target)) {
      if (!r.external && (isKind(r, "chart") || /chartStyle|chartColorStyle/.test(r.type))) {
        removeWithOwnParts(book, resolveTarget(target, r.target));
      }
    }
    const rels = relsPartOf(target);
    if (opc.has(rels)) opc.remove(rels);
  }
  opc.removePart(target);
}

/** Writes the plan's charts and their drawing; returns the sheet's relationship to the drawing. */
function addCharts(book: WorkbookPart, sheetPart: string, plan: SheetPlan, id: string): Relationship {
  const opc = book.opc;
  const drawing = opc.freeName("drawing");
  const chartRels = plan.charts!.map((chart, i) =>
    relationshipTo(`rId${i + 1}`, "chart", drawing, opc.addPart("chart", chartXml(chart, plan.name))),
  );
  opc.put(
    drawing,
    drawingXml(
      plan.charts!,
      chartRels.map((r) => r.id),
    ),
  );
  opc.declareType(drawing, "drawing");
  opc.put(relsPartOf(drawing), relsXml(chartRels));
  return relationshipTo(id, "drawing", sheetPart, drawing);
}
