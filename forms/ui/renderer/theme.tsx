// Our RJSF theme: the Danish design system's form markup (dkfds: form-group, form-label, form-hint,
// form-error-message, form-input), which the neutral theme of Swedish sites styles too. Every input has a
// label; help and errors are tied to it with aria-describedby (RJSF's ids); required fields say so in text;
// choice groups are fieldsets with a legend; the error summary at the top links to each field.
import { getDefaultRegistry } from '@rjsf/core';
import { descriptionId, errorId, getSubmitButtonOptions, getUiOptions, helpId, type ErrorListProps, type SubmitButtonProps, type FieldTemplateProps, type RJSFValidationError, type TemplatesType, type WidgetProps } from '@rjsf/utils';
import { createContext, useContext, type ReactNode } from 'react';

export interface RendererTexts {
  required: string;
  errorSummary: string;
  submit: string;
  yes: string;
  no: string;
}

export const RendererTextsContext = createContext<RendererTexts>({ required: 'required', errorSummary: 'There is a problem', submit: 'Send', yes: 'Yes', no: 'No' });

/** The ids of one rendered form start with this (two forms on one page — preview and an old version — differ). */
export const IdPrefixContext = createContext('root');

const defaults = getDefaultRegistry().templates;

/** The id of the input an error belongs to: RJSF ids are the id prefix + the path joined by `_`. */
export function fieldIdOf(error: Pick<RJSFValidationError, 'property'>, idPrefix = 'root'): string {
  const path = (error.property ?? '').replace(/\['([^']+)'\]/g, '.$1').replace(/\[(\d+)\]/g, '.$1');
  return [idPrefix, ...path.split('.').filter(Boolean)].join('_');
}

function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, rawErrors, rawHelp, required, displayLabel, hidden, schema, uiSchema } = props;
  const texts = useContext(RendererTextsContext);
  const idPrefix = useContext(IdPrefixContext);
  if (hidden) return <div hidden>{children}</div>;
  if (id === idPrefix) return <>{children}</>;
  const widget = getUiOptions(uiSchema).widget;
  const group = widget === 'radio' || widget === 'checkboxes';
  const errors = rawErrors?.filter(Boolean) ?? [];
  const labelText: ReactNode = (
    <>
      {label}
      {required ? <span className="form-required"> ({texts.required})</span> : null}
    </>
  );
  const hint = rawHelp ? (
    <span className="form-hint" id={helpId(id)}>
      {rawHelp}
    </span>
  ) : null;
  const error = errors.length ? (
    <span className="form-error-message" id={errorId(id)}>
      {errors.join(' ')}
    </span>
  ) : null;
  const className = `form-group${errors.length ? ' form-error' : ''}`;
  if (schema.type === 'object') {
    return (
      <fieldset className={className} aria-describedby={rawHelp ? helpId(id) : undefined}>
        <legend className="h3">{label}</legend>
        {rawHelp ? (
          <p className="form-hint" id={helpId(id)}>
            {rawHelp}
          </p>
        ) : null}
        {children}
      </fieldset>
    );
  }
  if (group) {
    return (
      <fieldset className={className} aria-describedby={[rawHelp ? helpId(id) : '', errors.length ? errorId(id) : ''].filter(Boolean).join(' ') || undefined}>
        <legend className="form-label">{labelText}</legend>
        {hint}
        {error}
        {children}
      </fieldset>
    );
  }
  const checkbox = widget === 'checkbox';
  return (
    <div className={className}>
      {displayLabel && !checkbox ? (
        <label className="form-label" htmlFor={id}>
          {labelText}
        </label>
      ) : null}
      <span hidden id={descriptionId(id)} />
      {hint}
      {error}
      {children}
    </div>
  );
}

function ErrorListTemplate({ errors }: ErrorListProps) {
  const texts = useContext(RendererTextsContext);
  const idPrefix = useContext(IdPrefixContext);
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} id={`${idPrefix}-error-summary`}>
      <div className="alert-body">
        <h2 className="alert-heading">{texts.errorSummary}</h2>
        <ul className="alert-text nobullet-list">
          {errors.map((e, i) => (
            <li key={i}>
              <a href={`#${fieldIdOf(e, idPrefix)}`}>{e.title ? `${e.title}: ${e.message ?? ''}` : e.stack}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function BaseInputTemplate(props: WidgetProps) {
  const Default = defaults.BaseInputTemplate;
  const invalid = props.rawErrors && props.rawErrors.length > 0;
  return <Default {...props} {...({ className: 'form-input', 'aria-invalid': invalid ? true : undefined } as object)} />;
}

function SubmitButton({ uiSchema }: SubmitButtonProps) {
  const texts = useContext(RendererTextsContext);
  if (getSubmitButtonOptions(uiSchema).norender) return null;
  return (
    <button type="submit" className="button button-primary">
      {texts.submit}
    </button>
  );
}

export const templates: Partial<TemplatesType> = {
  FieldTemplate,
  ErrorListTemplate,
  BaseInputTemplate,
  ButtonTemplates: { ...defaults.ButtonTemplates, SubmitButton },
};
