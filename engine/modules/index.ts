// The installed modules: the one list. Adding a module is writing its folder and naming it here; everything
// the platform knows about modules (flow actions and subject types, form kinds, policy actions and grant kinds,
// built-in forms and flows, the Module search attribute's values) is read from this list.
import { election } from './election/module';
import { eservices } from './eservices/module';
import type { Module } from './module';
import { petitions } from './petitions/module';

export const MODULES: readonly Module[] = [eservices, petitions, election];

export const moduleNames = (modules: readonly Module[] = MODULES): string[] => modules.map((m) => m.name);

/** Every kind of grant there is: each module's (the platform declares none). */
export const grantKinds = (modules: readonly Module[] = MODULES): string[] => modules.flatMap((m) => m.grantKinds ?? []);
