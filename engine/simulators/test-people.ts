// The synthetic people of development and tests, in one data file shared by the local SAML IdP and
// (later) the civil-registry simulator. Validated against schemas/simulators/test-people.schema.json.
import type { TestPeople } from '../../schemas/types/simulators-test-people';
import { validate } from '../validation';
import data from './test-people.json';

export type { TestPeople };
export type TestCitizen = TestPeople['citizens'][number];
export type TestEmployee = TestPeople['employees'][number];

export const testPeople: TestPeople = validate<TestPeople>('simulators/test-people.schema.json', structuredClone(data));
