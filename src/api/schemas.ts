/** Request and response schemas of the HTTP API (zod, also the source of /openapi.json). */
import { z } from '@hono/zod-openapi';

import { FACTUALITIES, PLACE_PRECISIONS, PLOVER_TYPES } from '../model/vocab.js';

export { PLOVER_TYPES };
export const FACTUALITY = FACTUALITIES;
export const PRECISION = PLACE_PRECISIONS;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    'expected an ISO 8601 date or date-time',
  );

function list<T extends string>(values: readonly T[], name: string) {
  return z
    .string()
    .max(400)
    .refine((s) => s.split(',').every((v) => (values as readonly string[]).includes(v.trim())), {
      message: `${name}: comma-separated list of ${values.join(', ')}`,
    })
    .openapi({ description: `Comma-separated: ${values.join(', ')}` });
}

export const PageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .openapi({ description: 'Page size (default 100, at most 1000)' }),
  cursor: z.string().max(1000).optional().openapi({ description: 'The `next` value of the previous page' }),
};

export const EventFilterQuery = z.object({
  from: date.optional().openapi({ description: 'Events whose interval ends on or after this date' }),
  to: date.optional().openapi({ description: 'Events whose interval starts on or before this date' }),
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'expected west,south,east,north in degrees')
    .optional()
    .openapi({ description: 'west,south,east,north in degrees', example: '35.5,35.8,38.5,37.3' }),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code')
    .optional()
    .openapi({ example: 'SY' }),
  admin1: z.string().max(200).optional(),
  type: list(PLOVER_TYPES, 'type').optional(),
  actor: z.string().max(200).optional().openapi({ description: 'Substring of an actor or target name' }),
  source: z.string().max(200).optional().openapi({ description: 'Outlet or wire credit' }),
  factuality: list(FACTUALITY, 'factuality').optional(),
  precision: list(PRECISION, 'precision').optional(),
  min_sources: z.coerce
    .number()
    .int()
    .min(1)
    .max(100000)
    .optional()
    .openapi({ description: 'Minimum independent sources' }),
  q: z.string().max(500).optional().openapi({ description: 'Full text over the article' }),
  updated_since: timestamp
    .optional()
    .openapi({ description: 'Changed at or after this time (sync); sorts by update time' }),
  reviewed: z.enum(['true', 'false']).optional(),
  ...PageQuery,
});

export const ArticleListQuery = z.object({
  from: date.optional(),
  to: date.optional(),
  source: z.string().max(200).optional(),
  q: z.string().max(500).optional(),
  updated_since: timestamp.optional(),
  ...PageQuery,
});

export const AggregateQuery = EventFilterQuery.omit({ limit: true, cursor: true }).extend({
  interval: z.enum(['day', 'week']).default('day'),
  by: z.enum(['type', 'country', 'none']).default('type'),
});

export const ExportQuery = EventFilterQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['jsonl', 'csv', 'geojson', 'acled']),
});

export const DeletionsQuery = z.object({
  since: timestamp,
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ArticleBody = z
  .object({
    text: z.string().min(1).max(1_000_000),
    title: z.string().max(1000).nullish(),
    url: z.string().max(4000).nullish(),
    outlet: z.string().max(300).nullish(),
    credit: z.string().max(300).nullish(),
    published: timestamp.nullish(),
    language: z.string().max(10).optional(),
  })
  .openapi('ArticleInput');

export const SplitBody = z.object({
  events: z.array(z.string().max(200)).min(1).max(10000),
  reason: z.string().max(2000).optional(),
});

export const ReviewBody = z.object({ reviewed: z.boolean() });

export const MergeBody = z.object({
  ids: z.array(z.string().max(200)).min(2).max(1000),
  reason: z.string().max(2000).optional(),
});

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
  })
  .openapi('Problem');

// Response bodies are documented loosely: their exact shape is the TypeScript contract in
// src/store/store.ts and the sitrep/1 JSON Schema.
export const AnyObject = z.record(z.string(), z.unknown()).openapi('Object');
export const PageOf = (name: string) =>
  z.object({ items: z.array(AnyObject), next: z.string().nullable() }).openapi(`${name}Page`);
