// The civil-registry simulator: a separate HTTP service answering the Danish CPR lookup (/cpr/…) and the Swedish
// population register (/navet/…) in their own wire shapes, from the synthetic people of test-people.json — the
// same people the test IdP logs in. Development and tests reach it over the network like the real registries, so
// timeouts, errors and retries are real; faults can be switched on through /_control/faults (or setFaults).
// Refused in production. Run on its own: `node --import tsx engine/simulators/registry-server.ts [port]`
// (credentials from REGISTRY_USER / REGISTRY_PASSWORD, else printed), or start it with startRegistrySimulator.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CprPerson } from '../../schemas/types/registry-cpr-person';
import type { Personpost } from '../../schemas/types/registry-navet-response';
import { testPeople, type TestCitizen } from './test-people';

export const SIMULATOR_PATHS = { cpr: '/cpr/v1/personer/opslag', navet: '/navet/v1/folkbokforingsposter', faults: '/_control/faults', people: '/_control/people' } as const;

/** What a test may change about a test person (PATCH /_control/people/<personal number>, or changePerson): a move, a death, a new name. */
export type PersonChanges = Partial<Pick<TestCitizen, 'givenName' | 'familyName' | 'address' | 'municipalityCode' | 'citizenship' | 'protectedAddress' | 'deceased' | 'disenfranchised'>>;
const CHANGEABLE: readonly (keyof PersonChanges)[] = ['givenName', 'familyName', 'address', 'municipalityCode', 'citizenship', 'protectedAddress', 'deceased', 'disenfranchised'];

export interface RegistryFaults {
  /** Every lookup waits this long (ms) before it answers. */
  delayMs?: number;
  /** The next n lookups answer `failStatus` instead. */
  failNext?: number;
  /** Default 503. */
  failStatus?: number;
  /** Retry-After (seconds) sent with those failures. */
  retryAfter?: number;
  /** The next n lookups have their connection closed without an answer. */
  dropNext?: number;
}

export interface RegistrySimulatorOptions {
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
  /** Default: random, read them from the result. */
  credentials?: { user: string; password: string };
  /** Default: the citizens of test-people.json. */
  people?: readonly TestCitizen[];
  faults?: RegistryFaults;
}

export interface RegistrySimulator {
  url: string;
  port: number;
  credentials: { user: string; password: string };
  /** Lookups received so far (both protocols, faulty answers included). */
  readonly lookups: number;
  setFaults(faults: RegistryFaults): void;
  /** Changes a test person as the registry answers them from now on (this simulator only); false when unknown. */
  changePerson(personalNumber: string, changes: PersonChanges): boolean;
  stop(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

/** `Algade 12, 4000 Korsbæk` → street, postal code, city (DK 4 digits, SE `123 45`). */
export function splitAddress(line: string): { street: string; postalCode?: string; city?: string } {
  const m = /^(.+), (\d{4}|\d{3} \d{2}) (.+)$/.exec(line);
  return m ? { street: m[1]!, postalCode: m[2]!, city: m[3]! } : { street: line };
}

export function cprRecord(c: TestCitizen): CprPerson {
  const a = splitAddress(c.address);
  return {
    CPR: c.personalNumber,
    status: c.deceased ? '90' : '01',
    navn: { fornavn: c.givenName, efternavn: c.familyName },
    foedselsdato: c.birthDate,
    kommunekode: c.municipalityCode.padStart(4, '0'),
    ...(c.protectedAddress ? {} : { adresse: { vejadresse: a.street, ...(a.postalCode ? { postnummer: a.postalCode } : {}), ...(a.city ? { postdistrikt: a.city } : {}) } }),
    adressebeskyttelse: c.protectedAddress,
    statsborgerskab: { landekode: c.citizenship },
    umyndiggjort: c.disenfranchised,
  };
}

export function navetRecord(c: TestCitizen): Personpost {
  const a = splitAddress(c.address);
  return {
    PersonId: { PersonNr: c.personalNumber },
    Namn: { Fornamn: c.givenName, Efternamn: c.familyName },
    Fodelsedatum: c.birthDate.replace(/-/g, ''),
    Folkbokforing: { LanKod: c.municipalityCode.slice(0, 2), KommunKod: c.municipalityCode.slice(2, 4) },
    ...(c.protectedAddress
      ? {}
      : { Adresser: { Folkbokforingsadress: { Utdelningsadress2: a.street, ...(a.postalCode ? { PostNr: a.postalCode.replace(' ', '') } : {}), ...(a.city ? { Postort: a.city.toLocaleUpperCase('sv') } : {}) } } }),
    Medborgarskap: { MedborgarskapslandKod: c.citizenship },
    SkyddadFolkbokforing: c.protectedAddress ? 'J' : 'N',
    Sekretessmarkering: 'N',
    ...(c.deceased ? { Avregistrering: { AvregistreringsorsakKod: 'AV' } } : {}),
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

class BadRequest extends Error {}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BadRequest('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        reject(new BadRequest('body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

export async function startRegistrySimulator(options: RegistrySimulatorOptions = {}): Promise<RegistrySimulator> {
  if (process.env.NODE_ENV === 'production') throw new Error('The civil-registry simulator never runs in production: set REGISTRY_URL.');
  const credentials = options.credentials ?? { user: `sim-${randomBytes(4).toString('hex')}`, password: randomBytes(18).toString('base64url') };
  const people = options.people ?? testPeople.citizens;
  const byNumber = (country: 'DK' | 'SE') => new Map(people.filter((p) => p.country === country).map((p) => [p.personalNumber, p]));
  const dk = byNumber('DK');
  const se = byNumber('SE');
  let faults: RegistryFaults = { ...options.faults };
  let lookups = 0;
  const timers = new Set<NodeJS.Timeout>();

  const basicOk = (req: IncomingMessage) => sameSecret(req.headers.authorization, `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`);
  const gatewayOk = (req: IncomingMessage) => sameSecret(String(req.headers.client_id ?? ''), credentials.user) && sameSecret(String(req.headers.client_secret ?? ''), credentials.password);

  /** Applies the faults to one lookup; false when the lookup got its faulty answer already. */
  const afterFaults = async (res: ServerResponse): Promise<boolean> => {
    lookups++;
    if ((faults.dropNext ?? 0) > 0) {
      faults.dropNext!--;
      res.socket?.destroy();
      return false;
    }
    // The failure is decided when the lookup arrives, not after its delay: a lookup whose client gave up
    // waiting must not take a failure meant for the next test's lookups.
    const failure = (faults.failNext ?? 0) > 0 ? { status: faults.failStatus ?? 503, retryAfter: faults.retryAfter } : undefined;
    if (failure) faults.failNext!--;
    if (faults.delayMs) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => (timers.delete(t), resolve()), faults.delayMs);
        timers.add(t);
      });
    }
    if (failure) {
      send(res, failure.status, { error: 'simulated failure' }, failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});
      return false;
    }
    return true;
  };

  async function cpr(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!basicOk(req)) return send(res, 401, { fejlkode: 'ADGANG_NAEGTET', fejltekst: 'Ugyldige legitimationsoplysninger' }, { 'www-authenticate': 'Basic realm="CPR"' });
    const body = (await readJson(req)) as { PNR?: unknown };
    if (typeof body?.PNR !== 'string' || !/^\d{10}$/.test(body.PNR)) return send(res, 400, { fejlkode: 'PNR_UGYLDIG', fejltekst: 'PNR skal være 10 cifre' });
    if (!(await afterFaults(res))) return;
    const person = dk.get(body.PNR);
    if (!person) return send(res, 404, { fejlkode: 'PNR_UKENDT', fejltekst: 'Personnummeret findes ikke i CPR' });
    send(res, 200, cprRecord(person));
  }

  async function navet(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!gatewayOk(req)) return send(res, 401, { Felkod: 'OBEHORIG', Feltext: 'Ogiltigt client_id eller client_secret' });
    const body = (await readJson(req)) as { Bestallningsidentitet?: unknown; PersonNr?: unknown };
    const numbers = body?.PersonNr;
    if (typeof body?.Bestallningsidentitet !== 'string' || !Array.isArray(numbers) || numbers.length < 1 || numbers.length > 100 || !numbers.every((n) => typeof n === 'string' && /^\d{12}$/.test(n))) {
      return send(res, 400, { Felkod: 'OGILTIG_BESTALLNING', Feltext: 'Beställningen ska ange 1–100 personnummer med 12 siffror' });
    }
    if (!(await afterFaults(res))) return;
    const found = [...new Set(numbers as string[])].map((n) => se.get(n)).filter((p): p is TestCitizen => p !== undefined);
    send(res, 200, { Folkbokforingsposter: found.map((p) => ({ Personpost: navetRecord(p) })) });
  }

  function changePerson(personalNumber: string, changes: PersonChanges): boolean {
    const map = dk.has(personalNumber) ? dk : se.has(personalNumber) ? se : undefined;
    const person = map?.get(personalNumber);
    if (!map || !person) return false;
    const picked = Object.fromEntries(CHANGEABLE.filter((k) => changes[k] !== undefined).map((k) => [k, changes[k]]));
    map.set(personalNumber, { ...person, ...picked });
    return true;
  }

  async function changePersonRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!basicOk(req)) return send(res, 401, { error: 'credentials required' }, { 'www-authenticate': 'Basic realm="registry simulator"' });
    if (req.method !== 'PATCH') return send(res, 405, { error: 'PATCH only' }, { allow: 'PATCH' });
    const number = (req.url ?? '').split('?')[0]!.slice(SIMULATOR_PATHS.people.length + 1);
    const body = (await readJson(req)) as PersonChanges;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('body must be an object');
    if (!changePerson(number, body)) return send(res, 404, { error: 'no such test person' });
    send(res, 200, { changed: Object.keys(body).filter((k) => (CHANGEABLE as readonly string[]).includes(k)) });
  }

  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!basicOk(req)) return send(res, 401, { error: 'credentials required' }, { 'www-authenticate': 'Basic realm="registry simulator"' });
    if (req.method === 'PUT') faults = { ...((await readJson(req)) as RegistryFaults) };
    else if (req.method === 'DELETE') faults = {};
    else if (req.method !== 'GET') return send(res, 405, { error: 'GET, PUT or DELETE' }, { allow: 'GET, PUT, DELETE' });
    send(res, 200, { faults, lookups });
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handler =
      path === SIMULATOR_PATHS.cpr ? cpr : path === SIMULATOR_PATHS.navet ? navet : path === SIMULATOR_PATHS.faults ? control : path?.startsWith(`${SIMULATOR_PATHS.people}/`) ? changePersonRoute : undefined;
    if (!handler) return send(res, 404, { error: 'no such endpoint' });
    if (handler !== control && handler !== changePersonRoute && req.method !== 'POST') return send(res, 405, { error: 'POST only' }, { allow: 'POST' });
    handler(req, res).catch((err: unknown) => send(res, err instanceof BadRequest ? 400 : 500, { error: err instanceof BadRequest ? err.message : 'simulator error' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    credentials,
    get lookups() {
      return lookups;
    },
    setFaults(next) {
      faults = { ...next };
    },
    changePerson,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

async function runFromCommandLine(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.REGISTRY_SIM_PORT ?? 4080);
  const user = process.env.REGISTRY_USER;
  const password = process.env.REGISTRY_PASSWORD;
  const sim = await startRegistrySimulator({ port, ...(user && password ? { credentials: { user, password } } : {}) });
  console.log(`[registry simulator] listening on ${sim.url} (CPR: POST ${SIMULATOR_PATHS.cpr}, Navet: POST ${SIMULATOR_PATHS.navet}, faults: ${SIMULATOR_PATHS.faults})`);
  if (!(user && password)) console.log(`[registry simulator] REGISTRY_USER=${sim.credentials.user} REGISTRY_PASSWORD=${sim.credentials.password}`);
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  runFromCommandLine().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
