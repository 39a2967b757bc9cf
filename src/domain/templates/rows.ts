/** A row of template content: its cells keyed by the fields of its table, none other. */
import type { CellValue } from "../dates";
import type { EntityKind, FieldsOf } from "../model";

export type TemplateRow<K extends EntityKind> = { readonly [F in FieldsOf<K>]?: CellValue };
