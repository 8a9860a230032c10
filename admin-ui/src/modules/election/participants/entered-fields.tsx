// The fields an administrator enters for a participant (the rest comes from the civil registry): phone,
// e-mail, special diets and a note about them — special-category data, marked as such —, teams (a party's
// marked too) and the Digital Post exemption. The create page and the profile's edit form both use them.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { configListQuery } from '../api';
import { CheckboxField, CheckboxGroup, TextAreaField, TextField } from '../config/fields';
import { SpecialMark } from './shared';

export interface Entered {
  phone: string;
  email: string;
  dietIds: string[];
  dietNote: string;
  teamIds: string[];
  digitalPostExempt: boolean;
}

export const EMPTY_ENTERED: Entered = {
  phone: '',
  email: '',
  dietIds: [],
  dietNote: '',
  teamIds: [],
  digitalPostExempt: false,
};

/** The entered fields' labels by their names in the API (the error summary names fields by these). */
export function useEnteredLabels(): Record<keyof Entered, string> {
  const { t } = useTranslation('election');
  return {
    phone: t('participants.fields.phone'),
    email: t('participants.fields.email'),
    dietIds: t('participants.fields.diets'),
    dietNote: t('participants.fields.dietNote'),
    teamIds: t('participants.fields.teams'),
    digitalPostExempt: t('participants.fields.digitalPostExempt'),
  };
}

/** Phone, e-mail, diets and their note (special-category, marked), teams and the Digital Post exemption. */
export function EnteredFields({ entered, onChange, errors, showDiets = true }: { entered: Entered; onChange: (e: Entered) => void; errors: Record<string, string[]>; showDiets?: boolean }) {
  const { t } = useTranslation('election');
  const labels = useEnteredLabels();
  const teams = useQuery(configListQuery('teams'));
  const diets = useQuery(configListQuery('special-diets'));
  const set = <K extends keyof Entered>(k: K, v: Entered[K]) => onChange({ ...entered, [k]: v });
  return (
    <>
      <div className="election-field-row">
        <TextField
          name="phone"
          type="tel"
          label={labels.phone}
          value={entered.phone}
          onChange={(v) => set('phone', v)}
          maxLength={20}
          autoComplete="off"
          hint={t('participants.fields.phoneHint')}
          errors={errors.phone}
        />
        <TextField name="email" type="email" label={labels.email} value={entered.email} onChange={(v) => set('email', v)} maxLength={254} autoComplete="off" errors={errors.email} />
      </div>
      {showDiets ? (
        <div className="participant-special-group">
          <p className="participant-special-intro">
            <SpecialMark /> {t('participants.special.dietsHint')}
          </p>
          <CheckboxGroup
            name="dietIds"
            label={labels.dietIds}
            values={entered.dietIds}
            onChange={(v) => set('dietIds', v)}
            options={(diets.data ?? []).map((d) => ({
              value: d.id,
              label: d.name,
            }))}
            emptyText={t('participants.fields.noDiets')}
            errors={errors.dietIds}
          />
          <TextAreaField name="dietNote" label={labels.dietNote} value={entered.dietNote} onChange={(v) => set('dietNote', v)} maxLength={500} rows={2} errors={errors.dietNote} />
        </div>
      ) : null}
      <CheckboxGroup
        name="teamIds"
        label={labels.teamIds}
        values={entered.teamIds}
        onChange={(v) => set('teamIds', v)}
        options={(teams.data ?? []).map((team) => ({
          value: team.id,
          label: team.politicalParty ? `${team.name} (${t('participants.special.party')})` : team.name,
        }))}
        emptyText={t('participants.fields.noTeams')}
        errors={errors.teamIds}
      />
      <CheckboxField
        name="digitalPostExempt"
        label={labels.digitalPostExempt}
        checked={entered.digitalPostExempt}
        onChange={(v) => set('digitalPostExempt', v)}
        hint={t('participants.fields.digitalPostExemptHint')}
        errors={errors.digitalPostExempt}
      />
    </>
  );
}
