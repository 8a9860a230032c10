// Temporal's visibility queries (the "list filter" the Web UI sends to list and count workflows), parsed
// against a strict subset of Temporal's grammar and written back from the parsed tree. The operator console
// puts the tenant clause in front of the re-serialised query, never of the text it was given: every string is
// re-quoted by us and every parenthesis comes out balanced, so no input can close the clause's group, end a
// string early or hide the rest behind a comment. Whatever is not in the subset is refused.
//
//   query      := [orExpr] [GROUP BY name] [ORDER BY name [ASC|DESC] {, name [ASC|DESC]}]
//   orExpr     := andExpr {OR andExpr}
//   andExpr    := notExpr {AND notExpr}
//   notExpr    := NOT notExpr | '(' orExpr ')' | predicate
//   predicate  := name (= | != | > | >= | < | <=) value | name STARTS_WITH string
//               | name [NOT] IN '(' value {, value} ')' | name [NOT] BETWEEN value AND value
//               | name IS [NOT] NULL
//   name       := a known search attribute, bare or in `backticks`
//   value      := "string" | 'string' (escapes \\ \" \' and a doubled quote) | number | TRUE | FALSE
import { isUuid } from '../ids';
import { FlowKeyKey, FlowStatusKey, FlowVersionKey, ModuleKey, TenantIdKey } from './search-attributes';

/**
 * The search attributes an operator may filter by: Temporal's own that describe a workflow execution, and the
 * platform's. Internal ones (batcher, namespace division, schedules' bookkeeping) are left out.
 */
export const QUERYABLE_SEARCH_ATTRIBUTES: ReadonlySet<string> = new Set([
  'WorkflowId', 'WorkflowType', 'RunId', 'ExecutionStatus', 'StartTime', 'CloseTime', 'ExecutionTime', 'ExecutionDuration',
  'HistoryLength', 'HistorySizeBytes', 'StateTransitionCount', 'TaskQueue', 'ParentWorkflowId', 'ParentRunId',
  'RootWorkflowId', 'RootRunId', 'BuildIds', 'TemporalChangeVersion', 'TemporalPauseInfo', 'TemporalWorkerDeployment',
  'TemporalWorkerDeploymentVersion', 'TemporalWorkflowVersioningBehavior',
  TenantIdKey.name, ModuleKey.name, FlowKeyKey.name, FlowVersionKey.name, FlowStatusKey.name,
]);

/** Temporal counts grouped by this one attribute only. */
const GROUPABLE = new Set(['ExecutionStatus']);

/** Bounds that keep a hostile query from costing more than a real one: length, depth, list sizes. */
const MAX_QUERY_LENGTH = 4096;
const MAX_DEPTH = 32;
const MAX_LIST_ITEMS = 200;

export type Value = { kind: 'string'; value: string } | { kind: 'number'; text: string } | { kind: 'boolean'; value: boolean };
export type ComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type Condition =
  | { kind: 'and' | 'or'; operands: Condition[] }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; name: string; operator: ComparisonOperator; value: Value }
  | { kind: 'startsWith'; name: string; prefix: string }
  | { kind: 'in'; name: string; negated: boolean; values: Value[] }
  | { kind: 'between'; name: string; negated: boolean; low: Value; high: Value }
  | { kind: 'isNull'; name: string; negated: boolean };

export interface VisibilityQuery {
  where?: Condition;
  groupBy?: string;
  orderBy: { name: string; direction?: 'ASC' | 'DESC' }[];
}

/** The query is not one this subset accepts; `position` is the character where reading stopped. */
export class VisibilityQuerySyntaxError extends Error {
  override name = 'VisibilityQuerySyntaxError';
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at character ${position + 1}`);
  }
}

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'name'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'symbol'; text: string; at: number }
  | { kind: 'end'; at: number };

const SYMBOLS = ['>=', '<=', '!=', '=', '>', '<', '(', ')', ','];

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw new VisibilityQuerySyntaxError('unterminated string', start);
    if (ch === '\\') {
      const next = text[i + 1];
      // Temporal's tokenizer reads other escapes as control characters or drops the backslash: refused.
      if (next !== '\\' && next !== '"' && next !== "'") throw new VisibilityQuerySyntaxError('unsupported escape in string', i);
      value += next;
      i += 2;
    } else if (ch === quote) {
      if (text[i + 1] !== quote) return { value, end: i + 1 };
      value += quote;
      i += 2;
    } else {
      if (ch.charCodeAt(0) < 0x20 || ch === '\u007f') throw new VisibilityQuerySyntaxError('control character in string', i);
      value += ch;
      i += 1;
    }
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i += 1;
    } else if (ch === '"' || ch === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', value, at: i });
      i = end;
    } else if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) throw new VisibilityQuerySyntaxError('unterminated `name`', i);
      tokens.push({ kind: 'name', text: text.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))![0];
      tokens.push({ kind: 'word', text: word, at: i });
      i += word.length;
    } else if (/[-0-9]/.test(ch)) {
      const number = /^-?[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_.])/.exec(text.slice(i))?.[0];
      if (!number) throw new VisibilityQuerySyntaxError('not a number', i);
      tokens.push({ kind: 'number', text: number, at: i });
      i += number.length;
    } else {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
      if (!symbol) throw new VisibilityQuerySyntaxError(`unexpected character ${JSON.stringify(ch)}`, i);
      tokens.push({ kind: 'symbol', text: symbol, at: i });
      i += symbol.length;
    }
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private get next(): Token {
    return this.tokens[this.i]!;
  }

  private fail(reason: string, token = this.next): never {
    throw new VisibilityQuerySyntaxError(reason, token.at);
  }

  private isKeyword(word: string, token = this.next): boolean {
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.i += 1;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) this.fail(`expected ${word}`);
  }

  private acceptSymbol(symbol: string): boolean {
    const t = this.next;
    if (t.kind !== 'symbol' || t.text !== symbol) return false;
    this.i += 1;
    return true;
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) this.fail(`expected "${symbol}"`);
  }

  query(): VisibilityQuery {
    const startsWithClause = this.isKeyword('GROUP') || this.isKeyword('ORDER') || this.next.kind === 'end';
    const where = startsWithClause ? undefined : this.or();
    let groupBy: string | undefined;
    if (this.acceptKeyword('GROUP')) {
      this.expectKeyword('BY');
      groupBy = this.name();
      if (!GROUPABLE.has(groupBy)) this.fail(`cannot group by ${groupBy}`, this.tokens[this.i - 1]);
    }
    const orderBy: VisibilityQuery['orderBy'] = [];
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      do {
        const name = this.name();
        const direction = this.acceptKeyword('ASC') ? 'ASC' : this.acceptKeyword('DESC') ? 'DESC' : undefined;
        orderBy.push({ name, ...(direction ? { direction } : {}) });
      } while (this.acceptSymbol(','));
    }
    if (this.next.kind !== 'end') this.fail('unexpected input');
    return { ...(where ? { where } : {}), ...(groupBy ? { groupBy } : {}), orderBy };
  }

  private nested<T>(read: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) this.fail('nested too deeply');
    try {
      return read();
    } finally {
      this.depth -= 1;
    }
  }

  private or(): Condition {
    return this.nested(() => {
      const operands = [this.and()];
      while (this.acceptKeyword('OR')) operands.push(this.and());
      return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
    });
  }

  private and(): Condition {
    const operands = [this.not()];
    while (this.acceptKeyword('AND')) operands.push(this.not());
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  private not(): Condition {
    if (this.acceptKeyword('NOT')) return this.nested(() => ({ kind: 'not', operand: this.not() }));
    if (this.acceptSymbol('(')) {
      const inner = this.or();
      this.expectSymbol(')');
      return inner;
    }
    return this.predicate();
  }

  private name(): string {
    const t = this.next;
    if (t.kind !== 'word' && t.kind !== 'name') this.fail('expected a search attribute');
    if (!QUERYABLE_SEARCH_ATTRIBUTES.has(t.text)) this.fail('unknown search attribute');
    this.i += 1;
    return t.text;
  }

  private value(): Value {
    const t = this.next;
    this.i += 1;
    if (t.kind === 'string') return { kind: 'string', value: t.value };
    if (t.kind === 'number') return { kind: 'number', text: t.text };
    if (this.isKeyword('TRUE', t) || this.isKeyword('FALSE', t)) return { kind: 'boolean', value: this.isKeyword('TRUE', t) };
    this.i -= 1;
    return this.fail('expected a value');
  }

  private predicate(): Condition {
    const name = this.name();
    const t = this.next;
    if (t.kind === 'symbol' && ['=', '!=', '>', '>=', '<', '<='].includes(t.text)) {
      this.i += 1;
      return { kind: 'compare', name, operator: t.text as ComparisonOperator, value: this.value() };
    }
    if (this.acceptKeyword('STARTS_WITH')) {
      const prefix = this.value();
      if (prefix.kind !== 'string') this.fail('STARTS_WITH takes a string', this.tokens[this.i - 1]);
      return { kind: 'startsWith', name, prefix: prefix.value };
    }
    if (this.acceptKeyword('IS')) {
      const negated = this.acceptKeyword('NOT');
      this.expectKeyword('NULL');
      return { kind: 'isNull', name, negated };
    }
    const negated = this.acceptKeyword('NOT');
    if (this.acceptKeyword('IN')) {
      this.expectSymbol('(');
      const values = [this.value()];
      while (this.acceptSymbol(',')) {
        values.push(this.value());
        if (values.length > MAX_LIST_ITEMS) this.fail('too many values in IN');
      }
      this.expectSymbol(')');
      return { kind: 'in', name, negated, values };
    }
    if (this.acceptKeyword('BETWEEN')) {
      const low = this.value();
      this.expectKeyword('AND');
      return { kind: 'between', name, negated, low, high: this.value() };
    }
    return this.fail('expected an operator');
  }
}

/** Parses a visibility query of the subset; throws VisibilityQuerySyntaxError for anything else. */
export function parseVisibilityQuery(text: string): VisibilityQuery {
  if (text.length > MAX_QUERY_LENGTH) throw new VisibilityQuerySyntaxError('query too long', MAX_QUERY_LENGTH);
  return new Parser(tokenize(text)).query();
}

/** A string literal as Temporal's tokenizer reads it back: double quotes, backslash and quote escaped. */
export const quoteString = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function serialiseValue(v: Value): string {
  if (v.kind === 'string') return quoteString(v.value);
  if (v.kind === 'number') return v.text;
  return v.value ? 'true' : 'false';
}

/** Every compound operand is parenthesised, so precedence never depends on how the reader ranks AND and OR. */
function serialiseCondition(c: Condition): string {
  const operand = (inner: Condition) => (inner.kind === 'and' || inner.kind === 'or' || inner.kind === 'not' ? `(${serialiseCondition(inner)})` : serialiseCondition(inner));
  switch (c.kind) {
    case 'and':
    case 'or':
      return c.operands.map(operand).join(c.kind === 'and' ? ' AND ' : ' OR ');
    case 'not':
      return `NOT (${serialiseCondition(c.operand)})`;
    case 'compare':
      return `${c.name} ${c.operator} ${serialiseValue(c.value)}`;
    case 'startsWith':
      return `${c.name} STARTS_WITH ${quoteString(c.prefix)}`;
    case 'in':
      return `${c.name}${c.negated ? ' NOT' : ''} IN (${c.values.map(serialiseValue).join(', ')})`;
    case 'between':
      return `${c.name}${c.negated ? ' NOT' : ''} BETWEEN ${serialiseValue(c.low)} AND ${serialiseValue(c.high)}`;
    case 'isNull':
      return `${c.name} IS ${c.negated ? 'NOT ' : ''}NULL`;
  }
}

function serialiseClauses(q: VisibilityQuery): string {
  const groupBy = q.groupBy ? ` GROUP BY ${q.groupBy}` : '';
  const orderBy = q.orderBy.length ? ` ORDER BY ${q.orderBy.map((o) => `${o.name}${o.direction ? ` ${o.direction}` : ''}`).join(', ')}` : '';
  return groupBy + orderBy;
}

export function serialiseVisibilityQuery(q: VisibilityQuery): string {
  return `${q.where ? serialiseCondition(q.where) : ''}${serialiseClauses(q)}`.trim();
}

/**
 * The query narrowed to one tenant: `TenantId = "<tenant>" AND (<the parsed query, re-serialised>)`, with its
 * GROUP BY / ORDER BY after. `allowGroupBy` is for counts only (a list has no groups).
 */
export function tenantScopedQuery(tenantId: string, text: string | undefined, opts: { allowGroupBy?: boolean } = {}): string {
  if (!isUuid(tenantId)) throw new Error('tenant ids are uuids');
  const parsed = parseVisibilityQuery(text ?? '');
  if (parsed.groupBy && !opts.allowGroupBy) throw new VisibilityQuerySyntaxError('GROUP BY is for counts only', 0);
  const tenantClause = `${TenantIdKey.name} = ${quoteString(tenantId)}`;
  const where = parsed.where ? `${tenantClause} AND (${serialiseCondition(parsed.where)})` : tenantClause;
  return where + serialiseClauses(parsed);
}
