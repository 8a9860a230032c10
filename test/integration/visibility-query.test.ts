// The visibility-query subset the operator console accepts (engine/temporal/visibility-query.ts): what parses,
// how it is written back, and that the tenant clause cannot be escaped by anything that parses.
import { parseVisibilityQuery, serialiseVisibilityQuery, tenantScopedQuery, VisibilityQuerySyntaxError } from '../../engine/temporal/visibility-query';

const tenant = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';

describe('parsing and writing back', () => {
  it.each([
    ['', ''],
    ['WorkflowId="tenant/x/housekeeping"', 'WorkflowId = "tenant/x/housekeeping"'],
    ['`ExecutionStatus`="Running" and `WorkflowType` != \'tenantHousekeeping\'', 'ExecutionStatus = "Running" AND WorkflowType != "tenantHousekeeping"'],
    ['StartTime >= "2026-01-01T00:00:00Z" AND CloseTime < "2026-02-01T00:00:00Z"', 'StartTime >= "2026-01-01T00:00:00Z" AND CloseTime < "2026-02-01T00:00:00Z"'],
    ['WorkflowId STARTS_WITH "tenant/"', 'WorkflowId STARTS_WITH "tenant/"'],
    ['ExecutionStatus IN ("Running", "Failed") OR ExecutionStatus NOT IN ("Completed")', 'ExecutionStatus IN ("Running", "Failed") OR ExecutionStatus NOT IN ("Completed")'],
    ['StartTime BETWEEN "2026-01-01T00:00:00Z" AND "2026-02-01T00:00:00Z"', 'StartTime BETWEEN "2026-01-01T00:00:00Z" AND "2026-02-01T00:00:00Z"'],
    ['CloseTime IS NULL and ParentWorkflowId is not null', 'CloseTime IS NULL AND ParentWorkflowId IS NOT NULL'],
    ['NOT ExecutionStatus = "Running"', 'NOT (ExecutionStatus = "Running")'],
    ['(WorkflowType = "a" OR WorkflowType = "b") AND FlowVersion >= -2', '(WorkflowType = "a" OR WorkflowType = "b") AND FlowVersion >= -2'],
    ['WorkflowType = "a" OR WorkflowType = "b" AND FlowVersion = 1.5', 'WorkflowType = "a" OR (WorkflowType = "b" AND FlowVersion = 1.5)'],
    ['FlowStatus = "waiting" ORDER BY StartTime DESC, CloseTime', 'FlowStatus = "waiting" ORDER BY StartTime DESC, CloseTime'],
    ['GROUP BY ExecutionStatus', 'GROUP BY ExecutionStatus'],
    ['RootWorkflowId = "x" AND RootRunId = "y" GROUP BY ExecutionStatus', 'RootWorkflowId = "x" AND RootRunId = "y" GROUP BY ExecutionStatus'],
  ])('%s', (input, written) => {
    expect(serialiseVisibilityQuery(parseVisibilityQuery(input))).toBe(written);
  });

  it.each([
    'ParentWorkflowId is null',
    'ParentWorkflowId is NULL AND `ExecutionStatus`="Running"',
    'ExecutionStatus="Running"',
    'StartTime >= "2026-12-01T00:00:00.000Z"',
    'WorkflowType STARTS_WITH "Order"',
    'StartTime BETWEEN "2026-01-01" AND "2026-02-01"',
    'RootWorkflowId = "tenant/x/housekeeping" AND RootRunId = "01a231c0-0965-7789-8efa-79c77acfcd67" GROUP BY ExecutionStatus',
  ])('accepts what the Web UI itself sends: %s', (input) => {
    expect(() => parseVisibilityQuery(input)).not.toThrow();
  });

  it('reads escapes as Temporal does and writes every string back in one quoting', () => {
    const q = parseVisibilityQuery(String.raw`WorkflowId = 'it''s \'quoted\' "here" \\ and \"there\"'`);
    expect(q.where).toEqual({ kind: 'compare', name: 'WorkflowId', operator: '=', value: { kind: 'string', value: `it's 'quoted' "here" \\ and "there"` } });
    expect(serialiseVisibilityQuery(q)).toBe(String.raw`WorkflowId = "it's 'quoted' \"here\" \\ and \"there\""`);
    // What is written back parses to the same tree.
    expect(parseVisibilityQuery(serialiseVisibilityQuery(q))).toEqual(q);
  });

  it.each([
    ['an unknown attribute', 'Secret = "x"'],
    ['an internal attribute', 'TemporalNamespaceDivision = "x"'],
    ['a comment', 'WorkflowId = "x" -- rest'],
    ['a block comment', 'WorkflowId = "x" /* ) OR (1 = 1 */'],
    ['a hash comment', 'WorkflowId = "x" # rest'],
    ['an unbalanced parenthesis', `TenantId = "${other}") OR (TenantId = "${other}"`],
    ['an unterminated string', 'WorkflowId = "x'],
    ['an escape Temporal reads as a control character', String.raw`WorkflowId = "a\nb"`],
    ['a raw control character', 'WorkflowId = "a\u0000b"'],
    ['LIKE', 'WorkflowId LIKE "x%"'],
    ['a function call', 'WorkflowId = concat("a", "b")'],
    ['an attribute as a value', 'WorkflowId = `RunId`'],
    ['a bare word as a value', 'WorkflowId = RunId'],
    ['a second statement', 'WorkflowId = "x"; DROP TABLE executions'],
    ['a dangling operator', 'WorkflowId = "x" AND'],
    ['a hex literal', 'FlowVersion = 0x10'],
    ['GROUP BY another attribute', 'GROUP BY WorkflowType'],
    ['|| for OR', 'WorkflowId = "a" || WorkflowId = "b"'],
    ['<> for !=', 'WorkflowId <> "a"'],
  ])('refuses %s', (_what, input) => {
    expect(() => parseVisibilityQuery(input)).toThrow(VisibilityQuerySyntaxError);
  });

  it('bounds length, depth and list sizes', () => {
    expect(() => parseVisibilityQuery(`WorkflowId = "${'x'.repeat(5000)}"`)).toThrow(/too long/);
    expect(() => parseVisibilityQuery(`${'('.repeat(40)}WorkflowId = "x"${')'.repeat(40)}`)).toThrow(/nested too deeply/);
    expect(() => parseVisibilityQuery(`${'NOT '.repeat(40)}WorkflowId = "x"`)).toThrow(/nested too deeply/);
    expect(() => parseVisibilityQuery(`WorkflowId IN (${Array.from({ length: 300 }, (_, i) => `"${i}"`).join(', ')})`)).toThrow(/too many/);
  });
});

describe('the tenant clause', () => {
  it('comes first, and the query in parentheses after it', () => {
    expect(tenantScopedQuery(tenant, '')).toBe(`TenantId = "${tenant}"`);
    expect(tenantScopedQuery(tenant, `TenantId = "${other}" OR WorkflowType = "x"`)).toBe(`TenantId = "${tenant}" AND (TenantId = "${other}" OR WorkflowType = "x")`);
    expect(tenantScopedQuery(tenant, 'GROUP BY ExecutionStatus', { allowGroupBy: true })).toBe(`TenantId = "${tenant}" GROUP BY ExecutionStatus`);
    expect(() => tenantScopedQuery(tenant, 'GROUP BY ExecutionStatus')).toThrow(VisibilityQuerySyntaxError);
  });

  it('cannot be left by a string that tries to close it: the string stays a string', () => {
    const q = tenantScopedQuery(tenant, String.raw`WorkflowId = "x\") OR (TenantId != \""`);
    expect(q).toBe(String.raw`TenantId = "${tenant}" AND (WorkflowId = "x\") OR (TenantId != \"")`);
    // Read back, it is one comparison with that text as its value, under the tenant clause.
    expect(parseVisibilityQuery(q).where).toEqual({
      kind: 'and',
      operands: [
        { kind: 'compare', name: 'TenantId', operator: '=', value: { kind: 'string', value: tenant } },
        { kind: 'compare', name: 'WorkflowId', operator: '=', value: { kind: 'string', value: 'x") OR (TenantId != "' } },
      ],
    });
  });

  it('is always the top-level AND of whatever parses (a small exhaustive check over hostile pieces)', () => {
    const pieces = ['(', ')', 'OR', 'AND', 'NOT', `TenantId = "${other}"`, 'WorkflowId = "a\\"b"', "WorkflowId = 'c''d'", 'ORDER BY StartTime'];
    let parsed = 0;
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const input = `${a} ${b} ${c}`;
      let scoped: string;
      try {
        scoped = tenantScopedQuery(tenant, input);
      } catch (err) {
        expect(err).toBeInstanceOf(VisibilityQuerySyntaxError);
        continue;
      }
      parsed += 1;
      const where = parseVisibilityQuery(scoped).where!;
      const tenantClause = { kind: 'compare', name: 'TenantId', operator: '=', value: { kind: 'string', value: tenant } };
      expect(where.kind === 'and' ? where.operands[0] : where).toEqual(tenantClause);
    }
    expect(parsed).toBeGreaterThan(0);
  });
});
