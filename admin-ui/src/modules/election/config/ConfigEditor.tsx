// One form page of the configuration, for any kind: `new` in the address creates, an id edits. The page loads
// the row, keeps the draft, saves it (POST or PUT) and shows the server's refusal beside the inputs it names;
// a saved row can be deleted after a confirmation, and a refusal because it is in use is said in words. A new
// row's page becomes its edit page once saved (a task type's files need its id).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isProblem } from '../../../../../forms/ui/problem';
import { useConfirm } from '../../../components/ConfirmDialog';
import { QueryState } from '../../../components/QueryState';
import { configItemQuery, createConfigItem, deleteConfigItem, electionKeys, updateConfigItem, type ConfigInput, type ConfigKind, type ConfigRows } from '../api';
import { configItemPath, configListPath } from '../paths';
import { ErrorSummary, useFieldErrors, type FieldErrors } from './fields';

export interface FieldsProps<D> {
  value: D;
  onChange: (value: D) => void;
  errors: FieldErrors;
}

interface EditorProps<K extends ConfigKind, D> {
  kind: K;
  /** A new row's values. */
  empty: D;
  /** The values of a loaded row the form edits. */
  fromRow: (row: ConfigRows[K]) => D;
  /** The row's name in sentences ("Delete the area Nord?"). */
  nameOf: (value: D) => string;
  /** A field's label by its name (the error summary's links). */
  labelOf: (name: string) => string;
  /** Labels of the parts of a nested field error (`/rules/1/scope`). */
  detailLabel?: (pointer: string[]) => string | undefined;
  /** The values as the API takes them (trimmed, numbers as numbers). */
  toBody: (value: D) => ConfigInput<K>;
  Fields: (props: FieldsProps<D>) => ReactNode;
  /** What a saved row has besides its fields (a task type's files). */
  after?: (row: ConfigRows[K]) => ReactNode;
}

interface Flash {
  saved?: string;
}

export function ConfigEditor<K extends ConfigKind, D>(props: EditorProps<K, D>) {
  const { t } = useTranslation('election');
  const { id = 'new' } = useParams();
  const { kind } = props;
  const isNew = id === 'new';
  const row = useQuery({ ...configItemQuery(kind, id), enabled: !isNew });
  const back = (
    <p className="election-breadcrumb">
      <Link to={configListPath(kind)}>{t(`kinds.${kind}.back`)}</Link>
    </p>
  );
  if (isNew) return <EditorForm key="new" {...props} id={null} initial={props.empty} back={back} />;
  if (row.isPending || row.isError)
    return (
      <section>
        {back}
        <h1>{t(`kinds.${kind}.editHeading`)}</h1>
        <QueryState query={row} notFound={<p>{t(`kinds.${kind}.notFound`)}</p>}>
          {() => null}
        </QueryState>
      </section>
    );
  return <EditorForm key={id} {...props} id={id} initial={props.fromRow(row.data)} row={row.data} back={back} />;
}

function EditorForm<K extends ConfigKind, D>({ kind, id, initial, row, back, nameOf, labelOf, detailLabel, toBody, Fields, after }: EditorProps<K, D> & { id: string | null; initial: D; row?: ConfigRows[K]; back: ReactNode }) {
  const { t } = useTranslation('election');
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState(() => (location.state as Flash | null)?.saved ?? '');
  const summaryRef = useRef<HTMLDivElement>(null);
  const deleteRef = useRef<HTMLDivElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['election', 'config'] });

  const save = useMutation({
    mutationFn: (body: ConfigInput<K>) => (id ? updateConfigItem(kind, id, body) : createConfigItem(kind, body)),
    onMutate: () => setStatus(''),
    onSuccess: async (answer) => {
      await refresh();
      if (id) setStatus(t(`kinds.${kind}.saved`));
      else void navigate(configItemPath(kind, (answer as { id: string }).id), { replace: true, state: { saved: t(`kinds.${kind}.created`) } satisfies Flash });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteConfigItem(kind, id!),
    onMutate: () => setStatus(''),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: electionKeys.item(kind, id!) });
      await refresh();
      void navigate(configListPath(kind), { state: { deleted: t(`kinds.${kind}.deleted`, { name: nameOf(initial) }) } });
    },
  });
  const errors = useFieldErrors(save.error, detailLabel);
  const deleteErrors = useFieldErrors(remove.error);

  // The summary takes focus when a refusal comes, so a keyboard or screen-reader user lands on what to fix.
  useEffect(() => {
    if (save.isError) summaryRef.current?.focus();
  }, [save.isError, save.error]);
  useEffect(() => {
    if (remove.isError) deleteRef.current?.focus();
  }, [remove.isError, remove.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toBody(value));
  };
  const askDelete = async () => {
    const name = nameOf(initial);
    if (await confirm({ title: t(`kinds.${kind}.deleteTitle`, { name }), body: <p>{t(`kinds.${kind}.deleteBody`, { name })}</p>, confirm: t('form.delete'), danger: true })) remove.mutate();
  };
  const inUse = deleteErrors.codes.includes('election.inUse') || isProblem(remove.error, 'conflict');
  return (
    <section className="election-config-form">
      {back}
      <h1>{id ? t(`kinds.${kind}.editHeading`) : t(`kinds.${kind}.newHeading`)}</h1>
      {id ? <p className="election-subject">{nameOf(initial)}</p> : null}
      <p role="status" className="election-status">
        {status}
      </p>
      {save.isError ? <ErrorSummary ref={summaryRef} error={save.error} errors={errors} title={t(`kinds.${kind}.saveFailed`)} labelOf={labelOf} /> : null}
      <form onSubmit={submit} noValidate className="election-form">
        <Fields value={value} onChange={setValue} errors={errors} />
        <div className="election-form-actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('form.saving') : id ? t('form.save') : t(`kinds.${kind}.create`)}
          </button>
          <Link to={configListPath(kind)}>{t('form.cancel')}</Link>
        </div>
      </form>
      {row && after ? after(row) : null}
      {id ? (
        <section className="election-delete" aria-labelledby="election-delete-heading">
          <h2 id="election-delete-heading">{t(`kinds.${kind}.deleteHeading`)}</h2>
          <p>{t(`kinds.${kind}.deleteIntro`)}</p>
          {remove.isError ? (
            <ErrorSummary
              ref={deleteRef}
              error={remove.error}
              errors={deleteErrors}
              title={t(`kinds.${kind}.deleteFailed`)}
              labelOf={labelOf}
              generalText={inUse ? t(`kinds.${kind}.inUse`, { name: nameOf(initial) }) : undefined}
            />
          ) : null}
          <button type="button" className="button-danger" onClick={() => void askDelete()} disabled={remove.isPending}>
            {t(`kinds.${kind}.deleteButton`)}
          </button>
        </section>
      ) : null}
      {dialog}
    </section>
  );
}
