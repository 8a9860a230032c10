// `npm run tenant -- hosts` lists every tenant's host names;
// `npm run tenant -- add-host <slug> <host> <public|admin>` serves a tenant's site at another host name.
import { loadConfig } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { ownerConnection } from '../engine/dev/owner-connection';
import { AppError } from '../engine/errors';
import { addTenantHost, listTenantHosts } from '../engine/tenancy/tenant-hosts';

const usage = 'usage: npm run tenant -- hosts | add-host <slug> <host> <public|admin>';

async function main(): Promise<number> {
  const [command, slug, host, site] = process.argv.slice(2);
  if (command !== 'hosts' && !(command === 'add-host' && slug && host && (site === 'public' || site === 'admin'))) {
    console.error(usage);
    return 2;
  }
  const conn = await ownerConnection(loadConfig());
  const owner = createSequelize(conn.url);
  try {
    if (command === 'hosts') {
      for (const h of await listTenantHosts(owner)) console.log(`${h.slug.padEnd(20)} ${h.site.padEnd(7)} ${h.host}`);
    } else {
      await addTenantHost(owner, slug!, host!, site as 'public' | 'admin');
      console.log(`${slug}: ${site} site now also at ${host!.toLowerCase()}`);
    }
    return 0;
  } finally {
    await owner.close();
    await conn.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof AppError) console.error(`${err.title}${err.message ? `: ${err.message}` : ''}${err.fields ? ` (${err.fields.map((f) => `${f.field} ${f.message}`).join('; ')})` : ''}`);
    else console.error(err);
    process.exit(1);
  },
);
