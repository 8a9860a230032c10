// Work locations (polling stations): the area they belong to, name, address and polling-district number, and
// which task types and teams work there (chosen among the tenant's, as checkboxes).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { configListQuery, type WorkLocation } from '../api';
import { configItemPath, configListPath } from '../paths';
import { ConfigEditor, type FieldsProps } from './ConfigEditor';
import { ConfigListPage } from './ConfigListPage';
import { CheckboxGroup, SelectField, TextField } from './fields';

type Draft = Omit<WorkLocation, 'id' | 'areaName'>;
const FIELDS = ['areaId', 'name', 'address', 'postalCode', 'city', 'districtNumber', 'taskTypeIds', 'teamIds'] as const;

export function WorkLocationsPage() {
  const { t } = useTranslation('election');
  const areas = useQuery(configListQuery('areas'));
  const areaName = (w: WorkLocation) => w.areaName ?? areas.data?.find((a) => a.id === w.areaId)?.name ?? '';
  return (
    <ConfigListPage
      kind="work-locations"
      nameOf={(w: WorkLocation) => w.name}
      columns={[
        { key: 'area', header: t('workLocation.areaId'), cell: areaName },
        { key: 'address', header: t('workLocation.addressColumn'), cell: (w) => [w.address, [w.postalCode, w.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') },
        { key: 'districtNumber', header: t('workLocation.districtNumber'), cell: (w) => w.districtNumber },
      ]}
    />
  );
}

function WorkLocationFields({ value, onChange, errors }: FieldsProps<Draft>) {
  const { t } = useTranslation('election');
  const areas = useQuery(configListQuery('areas'));
  const taskTypes = useQuery(configListQuery('task-types'));
  const teams = useQuery(configListQuery('teams'));
  const set = <F extends keyof Draft>(field: F) => (v: Draft[F]) => onChange({ ...value, [field]: v });
  const failed = areas.error ?? taskTypes.error ?? teams.error;
  if (failed) return <ProblemAlert error={failed} />;
  if (!areas.data || !taskTypes.data || !teams.data) return <Loading />;
  return (
    <>
      {areas.data.length === 0 ? (
        <p className="notice">
          {t('workLocation.noAreas')} <Link to={configItemPath('areas', 'new')}>{t('kinds.areas.new')}</Link>
        </p>
      ) : null}
      <SelectField
        name="areaId"
        label={t('workLocation.areaId')}
        required
        placeholder={t('workLocation.chooseArea')}
        options={areas.data.map((a) => ({ value: a.id, label: a.name }))}
        value={value.areaId}
        onChange={set('areaId')}
        errors={errors.byField.areaId}
      />
      <TextField name="name" label={t('workLocation.name')} required maxLength={200} value={value.name} onChange={set('name')} errors={errors.byField.name} />
      <TextField name="address" label={t('workLocation.address')} maxLength={200} value={value.address} onChange={set('address')} errors={errors.byField.address} />
      <div className="election-field-row">
        <TextField name="postalCode" label={t('workLocation.postalCode')} maxLength={10} inputMode="numeric" value={value.postalCode} onChange={set('postalCode')} errors={errors.byField.postalCode} />
        <TextField name="city" label={t('workLocation.city')} maxLength={100} value={value.city} onChange={set('city')} errors={errors.byField.city} />
      </div>
      <TextField name="districtNumber" label={t('workLocation.districtNumber')} hint={t('workLocation.districtNumberHint')} maxLength={20} value={value.districtNumber} onChange={set('districtNumber')} errors={errors.byField.districtNumber} />
      <CheckboxGroup
        name="taskTypeIds"
        label={t('workLocation.taskTypeIds')}
        hint={t('workLocation.taskTypeIdsHint')}
        options={taskTypes.data.map((x) => ({ value: x.id, label: `${x.title} (${x.shortName})` }))}
        values={value.taskTypeIds}
        onChange={set('taskTypeIds')}
        errors={errors.byField.taskTypeIds}
        emptyText={<Link to={configListPath('task-types')}>{t('workLocation.noTaskTypes')}</Link>}
      />
      <CheckboxGroup
        name="teamIds"
        label={t('workLocation.teamIds')}
        hint={t('workLocation.teamIdsHint')}
        options={teams.data.map((x) => ({ value: x.id, label: x.name }))}
        values={value.teamIds}
        onChange={set('teamIds')}
        errors={errors.byField.teamIds}
        emptyText={<Link to={configListPath('teams')}>{t('workLocation.noTeams')}</Link>}
      />
    </>
  );
}

export function WorkLocationPage() {
  const { t } = useTranslation('election');
  return (
    <ConfigEditor
      kind="work-locations"
      empty={{ areaId: '', name: '', address: '', postalCode: '', city: '', districtNumber: '', taskTypeIds: [], teamIds: [] }}
      fromRow={(w: WorkLocation) => ({ areaId: w.areaId, name: w.name, address: w.address, postalCode: w.postalCode, city: w.city, districtNumber: w.districtNumber, taskTypeIds: w.taskTypeIds, teamIds: w.teamIds })}
      toBody={(v) => ({ ...v, name: v.name.trim(), address: v.address.trim(), postalCode: v.postalCode.trim(), city: v.city.trim(), districtNumber: v.districtNumber.trim() })}
      nameOf={(v) => v.name}
      labelOf={(f) => ((FIELDS as readonly string[]).includes(f) ? t(`workLocation.${f}`) : f)}
      Fields={WorkLocationFields}
    />
  );
}
