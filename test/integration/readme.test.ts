// The README documents every configuration variable and the two commands; keep it true.
import { readFileSync } from 'node:fs';
import configSchema from '../../schemas/config.schema.json';

const readme = readFileSync('README.md', 'utf8');

it('documents every configuration variable', () => {
  const undocumented = Object.keys(configSchema.properties).filter((name) => !readme.includes(`| \`${name}\` |`));
  expect(undocumented).toEqual([]);
});

it('shows the start and test commands', () => {
  expect(readme).toMatch(/npm install && npm start/);
  expect(readme).toMatch(/^npm test\b/m);
});
