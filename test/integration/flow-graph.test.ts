// The flow editor's diagram is drawn from a graph of the definition: statuses and rules as nodes, an edge from
// where a rule fires to the rule and from the rule to the statuses it sets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowGraph } from '../../admin-ui/src/pages/flows/flow-graph';
import { loadBuiltinFlow } from '../../engine/flows/builtin';
import type { FlowDefinition } from '../../workflows/flow/core/types';

/** A vote window whose votes reach the flow as events (test/fixtures): the engine's counters and thresholds. */
const countedVoteWindow = () => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'counted-vote-window.flow.json'), 'utf8')) as FlowDefinition;

it('draws the application flow: received → the start rule → awaiting decision → the decision → approved or rejected', () => {
  const { nodes, edges } = flowGraph(loadBuiltinFlow('application.flow.json'), 'da');
  expect(nodes.filter((n) => n.kind === 'status').map((n) => [n.key, n.label, n.initial ?? false, n.final ?? false])).toEqual([
    ['submitted', 'Modtaget', true, false],
    ['awaitingDecision', 'Afventer afgørelse', false, false],
    ['approved', 'Godkendt', false, true],
    ['rejected', 'Afvist', false, true],
  ]);
  const ids = edges.map((e) => e.id);
  expect(ids).toContain('status:submitted->rule:receive');
  expect(ids).toContain('rule:receive->status:awaitingDecision');
  // The decision rules fire when the caseworker's task completes: in the status the opening rule left the flow in.
  const intoApproved = edges.find((e) => e.target === 'status:approved')!;
  expect(ids).toContain(`status:awaitingDecision->${intoApproved.source}`);
  // Every edge joins nodes that exist.
  const known = new Set(nodes.map((n) => n.id));
  expect(edges.filter((e) => !known.has(e.source) || !known.has(e.target))).toEqual([]);
});

it('leaves a rule that fires on a date or a module’s event without an edge in, and never loops on a task chain', () => {
  const { nodes, edges } = flowGraph(countedVoteWindow(), 'sv');
  expect(nodes.length).toBeGreaterThan(3);
  for (const e of edges) expect(e.source === e.target).toBe(false);
  const looping = { schemaVersion: 1, key: 'x', module: 'eservices', subjectType: 'formSubmission', statuses: [{ key: 'a', initial: true }], rules: [{ id: 'r', when: { on: 'event', event: { event: 'taskCompleted', task: 't' } }, then: [{ action: 'createTask', config: { task: 't' } }] }] };
  expect(flowGraph(looping as never, 'en').edges).toEqual([]);
});
