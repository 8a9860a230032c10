/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The open (vacant) tasks of the teams the logged-in person is a member of, in the active elections, from today on, grouped by date, work location, task type and team with how many are open; trusted task types are never offered. `dates` and `workLocations`: what the filters can choose (all the open tasks', whatever is filtered).
 */
export interface ElectionPublicTeamTasks {
  teams: {
    id: string;
    name: string;
    /**
     * The page (English path) of the team's newest working team link, where a member chooses a task and signs up; absent when the team has none.
     */
    linkPath?: string;
  }[];
  tasks: {
    electionTitle: string;
    date: string;
    workLocation: {
      id: string;
      name: string;
      address: string;
      areaName: string;
    };
    taskType: {
      id: string;
      title: string;
      description: string;
      start: string;
      end: string;
      payment: number;
    };
    team: {
      id: string;
      name: string;
    };
    vacant: number;
  }[];
  dates: string[];
  workLocations: {
    id: string;
    name: string;
  }[];
}
