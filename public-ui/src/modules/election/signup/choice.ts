// The task a sign-up is for, in the wizard's address: the offered group's ids and date (wl, tt, team, date) or a
// task link's slot (slot). Ids only: nothing about the person.
import type { ElectionSignupCreate } from '../../../../../schemas/types/election-signup-create';

export type Choice = ElectionSignupCreate['choice'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function choiceFromQuery(search: string): Choice | undefined {
  const q = new URLSearchParams(search);
  const slot = q.get('slot');
  if (slot && UUID.test(slot)) return { slotId: slot };
  const [wl, tt, team, date] = [q.get('wl'), q.get('tt'), q.get('team'), q.get('date')];
  if (wl && tt && team && date && UUID.test(wl) && UUID.test(tt) && UUID.test(team) && DATE.test(date)) return { workLocationId: wl, taskTypeId: tt, teamId: team, date };
  return undefined;
}

export function choiceQuery(choice: Choice): string {
  const q = 'slotId' in choice ? new URLSearchParams({ slot: choice.slotId }) : new URLSearchParams({ wl: choice.workLocationId, tt: choice.taskTypeId, team: choice.teamId, date: choice.date });
  return `?${q.toString()}`;
}
