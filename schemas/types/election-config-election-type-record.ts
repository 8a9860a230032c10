/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The eligibility rules an election type has chosen, each at most once (engine/modules/election/election-type-rules.ts checks that; uniqueItems only catches identical entries). Being alive is always required and is not on the list.
 *
 * @maxItems 10
 */
export type ElectionTypeRules = (
  | {
      /**
       * 18 or older on the task date.
       */
      rule: "age18";
    }
  | {
      /**
       * Registered as living in the tenant's municipality.
       */
      rule: "resident";
    }
  | {
      rule: "citizenship";
      /**
       * national: the tenant's country only; nationalEuNordic: also the EU member states and the Nordic countries.
       */
      scope: "national" | "nationalEuNordic";
    }
  | {
      /**
       * Has not lost the right to vote.
       */
      rule: "notDisenfranchised";
    }
)[];

/**
 * An election type and its eligibility rules.
 */
export interface ElectionType {
  id: string;
  name: string;
  rules: ElectionTypeRules;
}
