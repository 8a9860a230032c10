// The configuration kinds that are a name and a little more: areas (the parts of the municipality its polling
// stations are grouped by), special diets, and teams (the parties, Borgerservice, volunteers…).
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Area, SpecialDiet, Team } from '../api';
import { ConfigEditor, type FieldsProps } from './ConfigEditor';
import { ConfigListPage } from './ConfigListPage';
import { PARTICIPANTS_PATH } from '../participants/paths';
import { CheckboxField, TextAreaField, TextField } from './fields';

type NameOnly = { name: string };

function AreaFields({ value, onChange, errors }: FieldsProps<NameOnly>) {
  const { t } = useTranslation('election');
  return <TextField name="name" label={t('area.name')} required maxLength={200} value={value.name} onChange={(name) => onChange({ ...value, name })} errors={errors.byField.name} />;
}

function DietFields({ value, onChange, errors }: FieldsProps<NameOnly>) {
  const { t } = useTranslation('election');
  return <TextField name="name" label={t('diet.name')} required maxLength={100} value={value.name} onChange={(name) => onChange({ ...value, name })} errors={errors.byField.name} />;
}

export function AreasPage() {
  const { t } = useTranslation('election');
  return <ConfigListPage kind="areas" nameOf={(a: Area) => a.name} columns={[{ key: 'workLocations', header: t('area.workLocations'), cell: (a) => a.workLocationCount }]} />;
}

export function AreaPage() {
  const { t } = useTranslation('election');
  return (
    <ConfigEditor
      kind="areas"
      empty={{ name: '' }}
      fromRow={(a: Area) => ({ name: a.name })}
      toBody={(v) => ({ name: v.name.trim() })}
      nameOf={(v) => v.name}
      labelOf={(f) => (f === 'name' ? t('area.name') : f)}
      Fields={AreaFields}
    />
  );
}

export function SpecialDietsPage() {
  return <ConfigListPage kind="special-diets" nameOf={(d: SpecialDiet) => d.name} />;
}

export function SpecialDietPage() {
  const { t } = useTranslation('election');
  return (
    <ConfigEditor
      kind="special-diets"
      empty={{ name: '' }}
      fromRow={(d: SpecialDiet) => ({ name: d.name })}
      toBody={(v) => ({ name: v.name.trim() })}
      nameOf={(v) => v.name}
      labelOf={(f) => (f === 'name' ? t('diet.name') : f)}
      Fields={DietFields}
    />
  );
}

export function TeamsPage() {
  const { t } = useTranslation('election');
  return (
    <ConfigListPage
      kind="teams"
      nameOf={(team: Team) => team.name}
      columns={[
        { key: 'shortName', header: t('team.shortName'), cell: (team) => team.shortName },
        { key: 'politicalParty', header: t('team.politicalPartyColumn'), cell: (team) => (team.politicalParty ? t('yes') : t('no')) },
      ]}
    />
  );
}

type TeamDraft = Omit<Team, 'id'>;
const TEAM_FIELDS = ['name', 'shortName', 'description', 'politicalParty'] as const;

function TeamFields({ value, onChange, errors }: FieldsProps<TeamDraft>) {
  const { t } = useTranslation('election');
  const set = <F extends keyof TeamDraft>(field: F) => (v: TeamDraft[F]) => onChange({ ...value, [field]: v });
  return (
    <>
      <TextField name="name" label={t('team.name')} required maxLength={200} value={value.name} onChange={set('name')} errors={errors.byField.name} />
      <TextField name="shortName" label={t('team.shortName')} hint={t('team.shortNameHint')} required maxLength={20} value={value.shortName} onChange={set('shortName')} errors={errors.byField.shortName} />
      <TextAreaField name="description" label={t('team.description')} maxLength={4000} value={value.description} onChange={set('description')} errors={errors.byField.description} />
      <CheckboxField name="politicalParty" label={t('team.politicalParty')} hint={t('team.politicalPartyHint')} checked={value.politicalParty} onChange={set('politicalParty')} errors={errors.byField.politicalParty} />
      <TeamMembersLink />
    </>
  );
}

/** A saved team's members are participants: the participant list, filtered by the team (membership is set on each participant). */
function TeamMembersLink() {
  const { t } = useTranslation('election');
  const { id } = useParams();
  if (!id || id === 'new') return null;
  return (
    <p>
      <Link to={`${PARTICIPANTS_PATH}?teamIds=${encodeURIComponent(id)}`}>{t('team.members')}</Link>
    </p>
  );
}

export function TeamPage() {
  const { t } = useTranslation('election');
  return (
    <ConfigEditor
      kind="teams"
      empty={{ name: '', shortName: '', description: '', politicalParty: false }}
      fromRow={(team: Team) => ({ name: team.name, shortName: team.shortName, description: team.description, politicalParty: team.politicalParty })}
      toBody={(v) => ({ ...v, name: v.name.trim(), shortName: v.shortName.trim(), description: v.description.trim() })}
      nameOf={(v) => v.name}
      labelOf={(f) => ((TEAM_FIELDS as readonly string[]).includes(f) ? t(`team.${f}`) : f)}
      Fields={TeamFields}
    />
  );
}
