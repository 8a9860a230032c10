// Sequelize models, defined per connection (tests run several apps in one process, each with its own pool).
// Every table carries its tenant; row-level security in PostgreSQL enforces it, these models only map columns.
import { DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import type { TenantSettings } from '../../schemas/types/tenant-settings';

export type Locale = 'da' | 'sv' | 'en';
export type Country = 'DK' | 'SE';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  country: Country;
  defaultLocale: Locale;
  settings: TenantSettings;
  createdAt: Date;
  updatedAt: Date;
}

export interface AuditEntryRow {
  id: string;
  tenantId: string;
  seq: string;
  actorType: 'user' | 'system' | 'anonymous';
  actorId: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
  createdAt: Date;
  prevHash: string;
  hash: string;
}

export type AuditEntryCreation = Pick<AuditEntryRow, 'tenantId' | 'actorType' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'summary' | 'requestId'>;

export interface Models {
  Tenant: ModelStatic<Model<TenantRow, never>>;
  AuditEntry: ModelStatic<Model<AuditEntryRow, AuditEntryCreation>>;
}

export function defineModels(sequelize: Sequelize): Models {
  const Tenant = sequelize.define<Model<TenantRow, never>>(
    'Tenant',
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      slug: DataTypes.TEXT,
      name: DataTypes.TEXT,
      country: DataTypes.TEXT,
      defaultLocale: DataTypes.TEXT,
      settings: DataTypes.JSONB,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'tenants', underscored: true },
  );
  const AuditEntry = sequelize.define<Model<AuditEntryRow, AuditEntryCreation>>(
    'AuditEntry',
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      tenantId: DataTypes.UUID,
      // seq, prev_hash, hash and created_at are set by the chaining trigger, whatever the insert says.
      seq: DataTypes.BIGINT,
      actorType: DataTypes.TEXT,
      actorId: DataTypes.TEXT,
      action: DataTypes.TEXT,
      entityType: DataTypes.TEXT,
      entityId: DataTypes.TEXT,
      summary: DataTypes.JSONB,
      requestId: DataTypes.TEXT,
      createdAt: DataTypes.DATE,
      prevHash: { type: DataTypes.TEXT, defaultValue: '' },
      hash: { type: DataTypes.TEXT, defaultValue: '' },
    },
    { tableName: 'audit_log', underscored: true, timestamps: false },
  );
  return { Tenant, AuditEntry };
}
