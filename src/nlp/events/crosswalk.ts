import type { PloverType } from '../../model/types.js';

/**
 * ACLED event_type / sub_event_type for a PLOVER type and mode, where one applies (verbal events
 * such as ACCUSE or CONSULT have no ACLED counterpart). Our own mapping from the two codebooks'
 * definitions.
 */
export function acledOf(
  type: PloverType,
  mode?: string,
): { eventType: string; subEventType: string } | undefined {
  switch (type) {
    case 'ASSAULT':
      switch (mode) {
        case 'aerial':
        case 'drone':
          return { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' };
        case 'heavy-weapons':
          return {
            eventType: 'Explosions/Remote violence',
            subEventType: 'Shelling/artillery/missile attack',
          };
        case 'explosives':
          return { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' };
        case 'unconventional':
          return { eventType: 'Explosions/Remote violence', subEventType: 'Chemical weapon' };
        case 'crowd-control':
          return { eventType: 'Protests', subEventType: 'Protest with intervention' };
        case 'suicide-attack':
          return { eventType: 'Explosions/Remote violence', subEventType: 'Suicide bomb' };
        case 'abduct':
          return { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' };
        case 'sexual':
          return { eventType: 'Violence against civilians', subEventType: 'Sexual violence' };
        case 'destroy':
          return { eventType: 'Strategic developments', subEventType: 'Looting/property destruction' };
        case 'beat':
        case 'torture':
        case 'targeted':
          return { eventType: 'Violence against civilians', subEventType: 'Attack' };
        default:
          return { eventType: 'Battles', subEventType: 'Armed clash' };
      }
    case 'PROTEST':
      return mode === 'riot'
        ? { eventType: 'Riots', subEventType: 'Violent demonstration' }
        : { eventType: 'Protests', subEventType: 'Peaceful protest' };
    case 'COERCE':
      if (mode === 'arrest') return { eventType: 'Strategic developments', subEventType: 'Arrests' };
      if (mode === 'seize')
        return { eventType: 'Strategic developments', subEventType: 'Looting/property destruction' };
      if (mode === 'deport') return { eventType: 'Strategic developments', subEventType: 'Other' };
      return undefined;
    case 'AGREE':
      return { eventType: 'Strategic developments', subEventType: 'Agreement' };
    case 'MOBILIZE':
      // ACLED codes troop deployments and build-ups as "Other" strategic developments
      return { eventType: 'Strategic developments', subEventType: 'Other' };
    case 'RETREAT':
      return mode === 'withdraw'
        ? { eventType: 'Strategic developments', subEventType: 'Non-violent transfer of territory' }
        : undefined;
    default:
      return undefined;
  }
}
