// Participants: what the civil registry says (name, address — absent when protected —, birth date, municipality,
// citizenship, protected address, deceased, disenfranchised; last checked when) and what is entered (phone,
// e-mail, the signup template's answers, Digital Post exemption). The personal number is sealed with a keyed hash
// beside it for lookup (engine/identity/personal-numbers.ts); the chosen special diets and the diet note are
// sealed too (special-category data). user_id links the person's public-site login once they have logged in.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE participants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      personal_number_country text NOT NULL CHECK (personal_number_country IN ('DK', 'SE')),
      personal_number_sealed bytea NOT NULL,
      personal_number_hash text NOT NULL,
      personal_number_masked text NOT NULL,
      given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),
      family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
      birth_date date NOT NULL,
      address text CHECK (length(address) <= 200),
      postal_code text CHECK (length(postal_code) <= 10),
      city text CHECK (length(city) <= 100),
      municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{3,4}$'),
      citizenship text NOT NULL CHECK (citizenship ~ '^[A-Z]{2}$'),
      protected_address boolean NOT NULL DEFAULT false,
      deceased boolean NOT NULL DEFAULT false,
      disenfranchised boolean NOT NULL DEFAULT false,
      registry_checked_at timestamptz NOT NULL,
      phone text CHECK (length(phone) <= 40),
      email text CHECK (length(email) <= 254),
      diets_sealed bytea,
      signup_fields jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(signup_fields) = 'object' AND octet_length(signup_fields::text) <= 16384),
      digital_post_exempt boolean NOT NULL DEFAULT false,
      user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, personal_number_hash),
      CHECK (NOT protected_address OR (address IS NULL AND postal_code IS NULL AND city IS NULL))
    );
    CREATE INDEX participants_birth_date ON participants (tenant_id, birth_date);
    ALTER TABLE participants ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON participants USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON participants TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE participants');
};
