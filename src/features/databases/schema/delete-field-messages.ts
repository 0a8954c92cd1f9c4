import { defineMessages } from '@/i18n/i18n';

/** What deleting a field destroys, counted. */
export const deleteFieldMessages = defineMessages(
  {
    counting: 'Counting the records that hold a value of {name}…',
    profiles:
      'The field {name} and its values in all {count} {count, plural, one {profile} other {profiles}} of this database are deleted. Selections and emailings that use it stop working.',
    subprofiles:
      'The field {name} and its values in all {count} {count, plural, one {subprofile} other {subprofiles}} of this collection are deleted. Mini selections that use it stop working.',
    countFailed: 'The field {name} and its values in every record are deleted (the records could not be counted: {message}).',
  },
  {
    counting: 'Records met een waarde voor {name} tellen…',
    profiles:
      'Het veld {name} en de waarden ervan in alle {count} {count, plural, one {profiel} other {profielen}} van deze database worden verwijderd. Selecties en mailings die het gebruiken werken dan niet meer.',
    subprofiles:
      'Het veld {name} en de waarden ervan in alle {count} {count, plural, one {subprofiel} other {subprofielen}} van deze collectie worden verwijderd. Miniselecties die het gebruiken werken dan niet meer.',
    countFailed: 'Het veld {name} en de waarden ervan in elk record worden verwijderd (de records konden niet worden geteld: {message}).',
  },
);
