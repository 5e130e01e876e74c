/**
 * Accounts tables (issue 9), appended to the store's migration list as `0100_accounts` (numbered
 * apart from the collection migrations so the two lines never collide).
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../store/store.js';

export function m0100Accounts(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        // SHA-256 of the token's 256-bit secret: a leaked table gives no usable token.
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('rate_per_min', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('api_tokens').execute();
      await db.schema.dropTable('users').execute();
    },
  };
}

export interface UsersTable {
  id: string;
  role: string;
  password_hash: string | null;
  created_at: string;
  disabled: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  hash: string;
  scope: string;
  kind: string;
  rate_per_min: number | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AccountsDatabase {
  users: UsersTable;
  api_tokens: ApiTokensTable;
}
