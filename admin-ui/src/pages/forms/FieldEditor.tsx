// Editing one field: its label, help and option labels in the language being edited, whether it is required,
// and "show this field only when field X has value V".
import { useTranslation } from 'react-i18next';
import type { DesignerField, Locale } from '../../../../forms/designer/model';

interface Props {
  field: DesignerField;
  fields: DesignerField[];
  locale: Locale;
  onChange: (field: DesignerField) => void;
  onRemove: () => void;
}

const CHOICE = new Set(['singleChoice', 'multipleChoice']);

export function FieldEditor({ field, fields, locale, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const texts = field.texts[locale] ?? { label: '', help: '', options: [] };
  const setTexts = (patch: Partial<typeof texts>) => onChange({ ...field, texts: { ...field.texts, [locale]: { ...texts, ...patch } } });
  const id = (name: string) => `field-${field.key}-${name}`;
  // Conditions may refer to yes/no and single-choice fields other than this one.
  const triggers = fields.filter((f) => f.key !== field.key && (f.type === 'yesNo' || f.type === 'singleChoice'));
  const trigger = triggers.find((f) => f.key === field.showWhen?.field);
  const setOptionLabels = (text: string) => {
    const labels = text.split('\n');
    const options = labels.map((_, i) => field.options[i] ?? `option${i + 1}`);
    const other = Object.fromEntries(Object.entries(field.texts).map(([l, tx]) => [l, { ...tx, options: options.map((_, i) => tx?.options[i] ?? '') }]));
    onChange({ ...field, options, texts: { ...other, [locale]: { ...texts, options: labels } } });
  };
  return (
    <fieldset className="designer-editor">
      <legend>{t('designer.editing', { label: texts.label || field.key })}</legend>
      <label htmlFor={id('label')}>{t('designer.label')}</label>
      <input id={id('label')} value={texts.label} maxLength={300} onChange={(e) => setTexts({ label: e.target.value })} />
      <label htmlFor={id('help')}>{t('designer.help')}</label>
      <input id={id('help')} value={texts.help} maxLength={1000} onChange={(e) => setTexts({ help: e.target.value })} />
      {field.type !== 'section' ? (
        <div className="checkbox-row">
          <input id={id('required')} type="checkbox" checked={field.required} onChange={(e) => onChange({ ...field, required: e.target.checked })} />
          <label htmlFor={id('required')}>{t('designer.isRequired')}</label>
        </div>
      ) : null}
      {CHOICE.has(field.type) ? (
        <>
          <label htmlFor={id('options')}>{t('designer.options')}</label>
          <textarea id={id('options')} rows={4} value={texts.options.join('\n')} onChange={(e) => setOptionLabels(e.target.value)} aria-describedby={id('options-hint')} />
          <p className="hint" id={id('options-hint')}>
            {t('designer.optionsHint')}
          </p>
        </>
      ) : null}
      <label htmlFor={id('when')}>{t('designer.showWhen')}</label>
      <select
        id={id('when')}
        value={field.showWhen?.field ?? ''}
        onChange={(e) => {
          const target = triggers.find((f) => f.key === e.target.value);
          const { showWhen: _, ...rest } = field;
          onChange(target ? { ...rest, showWhen: { field: target.key, equals: target.type === 'yesNo' ? true : (target.options[0] ?? '') } } : rest);
        }}
      >
        <option value="">{t('designer.always')}</option>
        {triggers.map((f) => (
          <option key={f.key} value={f.key}>
            {f.texts[locale]?.label || f.key}
          </option>
        ))}
      </select>
      {trigger && field.showWhen ? (
        <>
          <label htmlFor={id('equals')}>{t('designer.hasValue')}</label>
          <select
            id={id('equals')}
            value={String(field.showWhen.equals)}
            onChange={(e) => onChange({ ...field, showWhen: { field: trigger.key, equals: trigger.type === 'yesNo' ? e.target.value === 'true' : e.target.value } })}
          >
            {trigger.type === 'yesNo' ? (
              <>
                <option value="true">{t('designer.yes')}</option>
                <option value="false">{t('designer.no')}</option>
              </>
            ) : (
              trigger.options.map((o, i) => (
                <option key={o} value={o}>
                  {trigger.texts[locale]?.options[i] || o}
                </option>
              ))
            )}
          </select>
        </>
      ) : null}
      <button type="button" className="button-danger" onClick={onRemove}>
        {t('designer.remove')}
      </button>
    </fieldset>
  );
}
