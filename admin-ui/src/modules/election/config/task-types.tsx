// Task types: title, short name, description, the hours, the payment (0: none, and then the participants see no
// amount), trusted (never offered on public links), reminders, the form of its extra fields (a form of kind
// taskTypeFields, designed in the platform's form designer) and its files (instructions for the day: PDF, ODT
// or DOCX, read in the browser and sent as base64; the server sniffs the type from the bytes).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirm } from '../../../components/ConfirmDialog';
import { ProblemAlert } from '../../../components/QueryState';
import {
  deleteTaskTypeFile,
  electionKeys,
  formsOfKindQuery,
  MAX_TASK_TYPE_FILE_BYTES,
  TASK_TYPE_FILE_ACCEPT,
  TASK_TYPE_FILE_TYPES,
  taskTypeFilePath,
  uploadTaskTypeFile,
  type TaskType,
  type TaskTypeFile,
} from '../api';
import { ConfigEditor, type FieldsProps } from './ConfigEditor';
import { ConfigListPage } from './ConfigListPage';
import { CheckboxField, ErrorSummary, fieldId, fileSize, SelectField, TextAreaField, TextField, useFieldErrors } from './fields';

interface Draft {
  title: string;
  shortName: string;
  description: string;
  startTime: string;
  endTime: string;
  /** As typed: a comma or a point for decimals. */
  payment: string;
  trusted: boolean;
  reminders: boolean;
  fieldsFormId: string;
}

const FIELDS = ['title', 'shortName', 'description', 'startTime', 'endTime', 'payment', 'trusted', 'reminders', 'fieldsFormId'] as const;

/** "HH:MM" of a time the API may give with seconds. */
const hhmm = (time: string) => time.slice(0, 5);

/** The payment as a number (a comma or a point for decimals; empty is 0); as typed when it is no number (the server names it). */
function paymentValue(typed: string): number | string {
  const text = typed.trim().replace(/\s/g, '').replace(',', '.');
  if (text === '') return 0;
  const n = Number(text);
  return /^\d+(\.\d{1,2})?$/.test(text) && Number.isFinite(n) ? n : typed;
}

/** The payment as the body takes it: none (0 or empty) is null. */
function paymentBody(typed: string): number | null {
  const value = paymentValue(typed);
  // A payment that is no number goes as typed: the server's refusal names the field.
  return value === 0 ? null : (value as number);
}

export function TaskTypesPage() {
  const { t, i18n } = useTranslation('election');
  return (
    <ConfigListPage
      kind="task-types"
      nameOf={(x: TaskType) => x.title}
      columns={[
        { key: 'shortName', header: t('taskType.shortName'), cell: (x) => x.shortName },
        { key: 'time', header: t('taskType.timeColumn'), cell: (x) => `${hhmm(x.startTime)}–${hhmm(x.endTime)}` },
        { key: 'payment', header: t('taskType.payment'), cell: (x) => (x.payment ? x.payment.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : t('taskType.noPaymentShort')) },
        { key: 'trusted', header: t('taskType.trustedColumn'), cell: (x) => (x.trusted ? t('yes') : t('no')) },
      ]}
    />
  );
}

function TaskTypeFields({ value, onChange, errors }: FieldsProps<Draft>) {
  const { t } = useTranslation('election');
  const forms = useQuery(formsOfKindQuery('taskTypeFields'));
  const set = <F extends keyof Draft>(field: F) => (v: Draft[F]) => onChange({ ...value, [field]: v });
  const payment = paymentValue(value.payment);
  const chosenForm = forms.data?.find((f) => f.id === value.fieldsFormId);
  return (
    <>
      <TextField name="title" label={t('taskType.title')} required maxLength={200} value={value.title} onChange={set('title')} errors={errors.byField.title} />
      <TextField name="shortName" label={t('taskType.shortName')} hint={t('taskType.shortNameHint')} required maxLength={20} value={value.shortName} onChange={set('shortName')} errors={errors.byField.shortName} />
      <TextAreaField name="description" label={t('taskType.description')} maxLength={4000} value={value.description} onChange={set('description')} errors={errors.byField.description} />
      <div className="election-field-row">
        <TextField name="startTime" type="time" label={t('taskType.startTime')} required maxLength={5} value={value.startTime} onChange={set('startTime')} errors={errors.byField.startTime} />
        <TextField name="endTime" type="time" label={t('taskType.endTime')} required maxLength={5} value={value.endTime} onChange={set('endTime')} errors={errors.byField.endTime} />
      </div>
      <TextField
        name="payment"
        label={t('taskType.payment')}
        hint={payment === 0 ? t('taskType.noPayment') : t('taskType.paymentHint')}
        inputMode="decimal"
        maxLength={12}
        value={value.payment}
        onChange={set('payment')}
        errors={errors.byField.payment}
      />
      <CheckboxField name="trusted" label={t('taskType.trusted')} hint={t('taskType.trustedHint')} checked={value.trusted} onChange={set('trusted')} errors={errors.byField.trusted} />
      <CheckboxField name="reminders" label={t('taskType.reminders')} hint={t('taskType.remindersHint')} checked={value.reminders} onChange={set('reminders')} errors={errors.byField.reminders} />
      {forms.isError ? <ProblemAlert error={forms.error} /> : null}
      <SelectField
        name="fieldsFormId"
        label={t('taskType.fieldsFormId')}
        hint={
          <>
            {t('taskType.fieldsFormHint')} <Link to={chosenForm ? `/forms/${encodeURIComponent(chosenForm.id)}` : '/forms'}>{chosenForm ? t('taskType.openForm', { name: chosenForm.name }) : t('taskType.designForms')}</Link>
          </>
        }
        placeholder={t('taskType.noFieldsForm')}
        options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.latestVersion > 0 ? f.name : t('taskType.unpublishedForm', { name: f.name }) }))}
        value={value.fieldsFormId}
        onChange={set('fieldsFormId')}
        errors={errors.byField.fieldsFormId}
      />
    </>
  );
}

export function TaskTypePage() {
  const { t, i18n } = useTranslation('election');
  return (
    <ConfigEditor
      kind="task-types"
      empty={{ title: '', shortName: '', description: '', startTime: '', endTime: '', payment: '', trusted: false, reminders: true, fieldsFormId: '' }}
      fromRow={(x: TaskType) => ({
        title: x.title,
        shortName: x.shortName,
        description: x.description,
        startTime: hhmm(x.startTime),
        endTime: hhmm(x.endTime),
        payment: x.payment ? x.payment.toLocaleString(i18n.language, { useGrouping: false, minimumFractionDigits: Number.isInteger(x.payment) ? 0 : 2, maximumFractionDigits: 2 }) : '',
        trusted: x.trusted,
        reminders: x.reminders,
        fieldsFormId: x.fieldsFormId ?? '',
      })}
      toBody={(v) => ({
        title: v.title.trim(),
        shortName: v.shortName.trim(),
        description: v.description.trim(),
        startTime: v.startTime,
        endTime: v.endTime,
        payment: paymentBody(v.payment),
        trusted: v.trusted,
        reminders: v.reminders,
        fieldsFormId: v.fieldsFormId || null,
      })}
      nameOf={(v) => v.title}
      labelOf={(f) => ((FIELDS as readonly string[]).includes(f) ? t(`taskType.${f}`) : f)}
      Fields={TaskTypeFields}
      after={(row) => <TaskTypeFiles taskType={row} />}
    />
  );
}

/** The file as base64, read in the browser (the API takes JSON). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const EXTENSIONS = ['.pdf', '.odt', '.docx'];

function TaskTypeFiles({ taskType }: { taskType: TaskType }) {
  const { t, i18n } = useTranslation('election');
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState('');
  const [status, setStatus] = useState('');
  const files: TaskTypeFile[] = taskType.files ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: electionKeys.item('task-types', taskType.id) });
  const upload = useMutation({
    mutationFn: async (file: File) => uploadTaskTypeFile(taskType.id, { fileName: file.name, contentBase64: await readBase64(file) }),
    onMutate: () => setStatus(''),
    onSuccess: async (_answer, file) => {
      await refresh();
      if (input.current) input.current.value = '';
      setStatus(t('files.uploaded', { name: file.name }));
    },
  });
  const remove = useMutation({
    mutationFn: (file: TaskTypeFile) => deleteTaskTypeFile(taskType.id, file.id),
    onMutate: () => setStatus(''),
    onSuccess: async (_answer, file) => {
      await refresh();
      setStatus(t('files.deleted', { name: file.fileName }));
    },
  });
  const fieldErrors = useFieldErrors(upload.error);
  // The upload has one input: every error the refusal names is a line of its own, none a link.
  const fileLabel = (f: string) => (f === 'fileName' ? t('files.name') : f === 'contentBase64' ? t('files.content') : f);
  const uploadErrors = { ...fieldErrors, byField: {}, general: [...fieldErrors.general, ...Object.entries(fieldErrors.byField).flatMap(([f, lines]) => lines.map((l) => `${fileLabel(f)}: ${l}`))] };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.reset();
    const file = input.current?.files?.[0];
    if (!file) return setRefusal(t('files.chooseFirst'));
    const known = Object.keys(TASK_TYPE_FILE_TYPES).includes(file.type) || EXTENSIONS.some((x) => file.name.toLowerCase().endsWith(x));
    if (!known) return setRefusal(t('files.wrongType', { name: file.name }));
    if (file.size > MAX_TASK_TYPE_FILE_BYTES) return setRefusal(t('files.tooLarge', { name: file.name, size: fileSize(file.size, i18n.language), max: fileSize(MAX_TASK_TYPE_FILE_BYTES, i18n.language) }));
    if (file.size === 0) return setRefusal(t('files.empty', { name: file.name }));
    setRefusal('');
    upload.mutate(file);
  };
  const askDelete = async (file: TaskTypeFile) => {
    if (await confirm({ title: t('files.deleteTitle', { name: file.fileName }), body: <p>{t('files.deleteBody', { name: file.fileName })}</p>, confirm: t('files.delete'), danger: true })) remove.mutate(file);
  };
  const inputId = fieldId('file');
  return (
    <section className="election-files" aria-labelledby="election-files-heading">
      <h2 id="election-files-heading">{t('files.heading')}</h2>
      <p>{t('files.intro', { max: fileSize(MAX_TASK_TYPE_FILE_BYTES, i18n.language) })}</p>
      <p role="status" className="election-status">
        {status}
      </p>
      {files.length === 0 ? (
        <p className="hint">{t('files.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table election-table">
            <caption className="visually-hidden">{t('files.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('files.name')}</th>
                <th scope="col">{t('files.type')}</th>
                <th scope="col">{t('files.size')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('files.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.id} data-file={f.id}>
                  <td>
                    <a href={taskTypeFilePath(taskType.id, f.id)} download={f.fileName}>
                      {f.fileName}
                    </a>
                  </td>
                  <td>{TASK_TYPE_FILE_TYPES[f.contentType] ?? f.contentType}</td>
                  <td>{fileSize(f.sizeBytes, i18n.language)}</td>
                  <td>
                    <button type="button" className="button-secondary button-small" onClick={() => void askDelete(f)} disabled={remove.isPending}>
                      {t('files.deleteNamed', { name: f.fileName })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      <form className="election-upload" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t('files.choose')}</label>
          <input id={inputId} ref={input} type="file" accept={TASK_TYPE_FILE_ACCEPT} aria-describedby={`${inputId}-hint`} aria-invalid={refusal || upload.isError ? true : undefined} onChange={() => setRefusal('')} />
          <p id={`${inputId}-hint`} className="hint">
            {t('files.accepted')}
          </p>
        </div>
        {refusal ? (
          <p className="notice notice-error" role="alert">
            {refusal}
          </p>
        ) : null}
        {upload.isError ? <ErrorSummary error={upload.error} errors={uploadErrors} title={t('files.uploadFailed')} labelOf={fileLabel} /> : null}
        <button type="submit" disabled={upload.isPending}>
          {upload.isPending ? t('files.uploading') : t('files.upload')}
        </button>
      </form>
      {dialog}
    </section>
  );
}
