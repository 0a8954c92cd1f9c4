import { defineMessages } from '@/i18n/i18n';

/** What an undoable record delete names, with its count. */
export const recordDeleteMessages = defineMessages(
  {
    profile: 'Profile {id}',
    profileWithSubprofiles: 'Profile {id} and its {count} {count, plural, one {subprofile} other {subprofiles}}',
    profileWithAllSubprofiles: 'Profile {id} and all its subprofiles',
    subprofile: 'Subprofile {id}',
  },
  {
    profile: 'Profiel {id}',
    profileWithSubprofiles: 'Profiel {id} en zijn {count} {count, plural, one {subprofiel} other {subprofielen}}',
    profileWithAllSubprofiles: 'Profiel {id} en al zijn subprofielen',
    subprofile: 'Subprofiel {id}',
  },
);
