// The designer's model ↔ the definition format: what the designer saves publishes, reads back the same,
// and versions compare in words.
import { assertPublishable } from '../../engine/forms/publishable';
import { diffForms, fromDraft, moveField, newField, toDraft, type DesignerForm } from '../../forms/designer/model';
import { loadBuiltinForm } from '../../forms/builtin';

function designed(): DesignerForm {
  let form: DesignerForm = { kind: 'signupTemplate', locales: ['da', 'en'], title: { da: 'Tilmelding', en: 'Sign-up' }, fields: [], rest: {} };
  const add = (type: Parameters<typeof newField>[1], da: string, en: string) => {
    const field = newField(form, type, { da, en });
    form = { ...form, fields: [...form.fields, field] };
    return field;
  };
  add('shortText', 'Navn', 'Name').required = true;
  add('phone', 'Telefon', 'Phone');
  const member = add('yesNo', 'Medlem af et parti?', 'Party member?');
  const party = add('shortText', 'Parti', 'Party');
  party.required = true;
  party.showWhen = { field: member.key, equals: true };
  add('consent', 'Jeg accepterer', 'I accept').required = true;
  return form;
}

it('saves a designed form in the definition format that publishes, with the condition as if/then', () => {
  const draft = toDraft(designed(), 'DK');
  expect(() => assertPublishable(draft)).not.toThrow();
  expect(draft.schema).toMatchObject({
    required: ['shortText1', 'consent1'],
    properties: { phone1: { format: 'dk-phone' } },
    allOf: [{ if: { properties: { yesNo1: { const: true } }, required: ['yesNo1'] }, then: { properties: { shortText2: { type: 'string' } }, required: ['shortText2'] } }],
  });
  expect(toDraft(designed(), 'SE').schema).toMatchObject({ properties: { phone1: { format: 'se-phone' } } });
});

it('reads a saved definition back into the same model, and the built-in ones too', () => {
  const form = designed();
  expect(fromDraft(toDraft(form, 'DK'))).toEqual(form);
  const signup = fromDraft(loadBuiltinForm('election/signup-template.json'));
  expect(signup.fields.map((f) => [f.key, f.type, f.showWhen?.field ?? null])).toEqual([
    ['name', 'shortText', null],
    ['email', 'email', null],
    ['phone', 'shortText', null],
    ['address', 'longText', null],
    ['specialDiet', 'singleChoice', null],
    ['dietNote', 'longText', 'specialDiet'],
    ['partyMember', 'yesNo', null],
    ['party', 'shortText', 'partyMember'],
  ]);
});

it('describes the changes between two versions field by field', () => {
  const before = designed();
  let after = moveField(before, 1, 0);
  after = { ...after, fields: after.fields.filter((f) => f.type !== 'consent').map((f) => (f.key === 'shortText1' ? { ...f, texts: { ...f.texts, da: { ...f.texts.da!, label: 'Fulde navn' } } } : f)) };
  expect(diffForms(before, after)).toEqual([
    { key: 'phone1', change: 'changed', details: ['moved from position 2 to 1'] },
    { key: 'shortText1', change: 'changed', details: ['da label "Navn" → "Fulde navn"', 'moved from position 1 to 2'] },
    { key: 'consent1', change: 'removed', details: [] },
  ]);
});
