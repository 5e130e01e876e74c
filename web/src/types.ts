/** Shapes the desk's API returns (mirrors of the server types, kept loose on purpose). */
export type { DeskRow, MapMark, MapMarks, TablePage, TimelineData } from '../../src/desk/query.js';
export type {
  Claim,
  Entity,
  EventRecord,
  Mention,
  Place,
  Quantity,
  SitrepRecord,
  TimeExpression,
} from '../../src/model/types.js';
export type { FieldValue, Incident, StoredArticle, StoredEvent } from '../../src/store/store.js';

export interface ReviewMark {
  status: 'accepted' | 'edited' | 'rejected';
  by: string;
  at: string;
  note?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  kind: string;
  target: string;
  detail: unknown;
}
