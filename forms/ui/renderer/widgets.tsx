// Choice widgets in the design system's markup (`form-group-radio` / `form-group-checkbox`: a visually
// restyled native input followed by its label), so they look right under dkfds and the neutral theme and
// stay native inputs for keyboards and screen readers. RJSF's option helpers keep values as RJSF expects.
import { ariaDescribedByIds, enumOptionsDeselectValue, enumOptionsIsSelected, enumOptionsSelectValue, enumOptionsValueForIndex, optionId, type RegistryWidgetsType, type WidgetProps } from '@rjsf/utils';

function RadioWidget({ id, options, value, required, disabled, readonly, onChange, onBlur, onFocus, htmlName }: WidgetProps) {
  const { enumOptions = [], emptyValue } = options;
  return (
    <div className="field-radio-group" id={id}>
      {enumOptions.map((option, i) => (
        <div className="form-group-radio" key={i}>
          <input
            type="radio"
            className="form-radio"
            id={optionId(id, i)}
            name={htmlName || id}
            value={String(i)}
            checked={enumOptionsIsSelected(option.value, value)}
            required={required}
            disabled={disabled || readonly}
            aria-describedby={ariaDescribedByIds(id)}
            onChange={() => onChange(enumOptionsValueForIndex(String(i), enumOptions, emptyValue))}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
          />
          <label htmlFor={optionId(id, i)}>{option.label}</label>
        </div>
      ))}
    </div>
  );
}

function CheckboxesWidget({ id, options, value, disabled, readonly, onChange, onBlur, onFocus, htmlName }: WidgetProps) {
  const { enumOptions = [] } = options;
  const selected = Array.isArray(value) ? value : [];
  return (
    <div className="field-checkbox-group" id={id}>
      {enumOptions.map((option, i) => {
        const checked = enumOptionsIsSelected(option.value, selected);
        return (
          <div className="form-group-checkbox" key={i}>
            <input
              type="checkbox"
              className="form-checkbox"
              id={optionId(id, i)}
              name={htmlName || id}
              checked={checked}
              disabled={disabled || readonly}
              aria-describedby={ariaDescribedByIds(id)}
              onChange={(e) => onChange(e.target.checked ? enumOptionsSelectValue(i, selected, enumOptions) : enumOptionsDeselectValue(i, selected, enumOptions))}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <label htmlFor={optionId(id, i)}>{option.label}</label>
          </div>
        );
      })}
    </div>
  );
}

/** A single checkbox (a consent): its label is the field's label, the required marker beside it. */
function CheckboxWidget({ id, value, label, required, disabled, readonly, onChange, onBlur, onFocus, htmlName, registry }: WidgetProps) {
  const texts = (registry.formContext as { requiredText?: string } | undefined)?.requiredText;
  return (
    <div className="form-group-checkbox">
      <input
        type="checkbox"
        className="form-checkbox"
        id={id}
        name={htmlName || id}
        checked={value === true}
        required={required}
        disabled={disabled || readonly}
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(e) => onChange(e.target.checked ? true : undefined)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <label htmlFor={id}>
        {label}
        {required && texts ? <span className="form-required"> ({texts})</span> : null}
      </label>
    </div>
  );
}

/** Long text: the design system's textarea (`form-input`), described by help and errors like every input. */
function TextareaWidget({ id, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, options, htmlName, rawErrors, schema }: WidgetProps) {
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className="form-input"
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      rows={typeof options.rows === 'number' ? options.rows : 6}
      maxLength={schema.maxLength}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}

export const widgets: RegistryWidgetsType = { RadioWidget, CheckboxesWidget, CheckboxWidget, TextareaWidget };
