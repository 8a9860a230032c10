// Tenant data keys and personal numbers at rest.
import { QueryTypes } from 'sequelize';
import { parseCpr } from '../../forms/formats/personal-number';
import { generateKeySpec, parseKeySpec } from '../../engine/crypto/key-spec';
import { KeyDestroyedError, Keyring } from '../../engine/crypto/keyring';
import { PersonalNumbers } from '../../engine/identity/personal-numbers';
import { createTestTenant, ownerDb, suiteDatabase } from '../helpers/factories';

const db = suiteDatabase();
const oldMaster = generateKeySpec('m-old');
const newMaster = generateKeySpec('m-new');

it('creates one key per tenant and purpose, stored only wrapped', async () => {
  const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  const keyring = new Keyring(db, parseKeySpec(oldMaster));
  const [k1, k2] = await Promise.all([
    db.withTenant(a.id, (tx) => keyring.dataKey(tx, a.id, 'test.purpose')),
    db.withTenant(a.id, (tx) => keyring.dataKey(tx, a.id, 'test.purpose')),
  ]);
  expect(k1.equals(k2)).toBe(true);
  expect(k1).toHaveLength(32);
  const kb = await db.withTenant(b.id, (tx) => keyring.dataKey(tx, b.id, 'test.purpose'));
  expect(kb.equals(k1)).toBe(false);
  const stored = await ownerDb().query<{ wrapped_key: Buffer }>('SELECT wrapped_key FROM tenant_keys WHERE tenant_id = $1', { bind: [a.id], type: QueryTypes.SELECT });
  expect(stored).toHaveLength(1);
  expect(stored[0]!.wrapped_key.includes(k1)).toBe(false);
});

it('keeps unwrapping after a master key rotation and re-wraps on request', async () => {
  const t = await createTestTenant();
  const before = await db.withTenant(t.id, (tx) => new Keyring(db, parseKeySpec(oldMaster)).dataKey(tx, t.id, 'test.rotation'));
  const rotated = new Keyring(db, parseKeySpec(`${newMaster},${oldMaster}`));
  expect((await db.withTenant(t.id, (tx) => rotated.dataKey(tx, t.id, 'test.rotation'))).equals(before)).toBe(true);
  expect(await db.withTenant(t.id, (tx) => rotated.rewrap(tx, t.id))).toBe(1);
  const onlyNew = new Keyring(db, parseKeySpec(newMaster));
  expect((await db.withTenant(t.id, (tx) => onlyNew.dataKey(tx, t.id, 'test.rotation'))).equals(before)).toBe(true);
});

it('a destroyed key is gone for good', async () => {
  const t = await createTestTenant();
  const keyring = new Keyring(db, parseKeySpec(oldMaster));
  await db.withTenant(t.id, (tx) => keyring.dataKey(tx, t.id, 'test.erasure'));
  expect(await db.withTenant(t.id, (tx) => keyring.destroy(tx, t.id, 'test.erasure'))).toBe(true);
  await expect(db.withTenant(t.id, (tx) => keyring.dataKey(tx, t.id, 'test.erasure'))).rejects.toThrow(KeyDestroyedError);
  expect(await db.withTenant(t.id, (tx) => keyring.destroy(tx, t.id, 'test.erasure'))).toBe(false);
});

describe('personal numbers at rest', () => {
  const cpr = parseCpr('010190-1234')!;

  it('seals the number, hashes it for lookup per tenant, masks it for display, and reveals it to its own tenant only', async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const numbers = new PersonalNumbers(new Keyring(db, parseKeySpec(oldMaster)));
    const pa = await db.withTenant(a.id, (tx) => numbers.protect(tx, a.id, cpr));
    expect(pa.masked).toBe('010190-****');
    expect(pa.ciphertext.toString('latin1')).not.toContain('0101901234');
    expect(await db.withTenant(a.id, (tx) => numbers.lookupHash(tx, a.id, cpr))).toBe(pa.lookupHash);
    const pb = await db.withTenant(b.id, (tx) => numbers.protect(tx, b.id, cpr));
    expect(pb.lookupHash).not.toBe(pa.lookupHash);
    expect(await db.withTenant(a.id, (tx) => numbers.reveal(tx, a.id, pa))).toBe('0101901234');
    await expect(db.withTenant(b.id, (tx) => numbers.reveal(tx, b.id, pa))).rejects.toThrow();
  });
});
