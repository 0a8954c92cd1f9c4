/**
 * Where the recipient of one destination lives in Orrery's database pages. A destination names its
 * profile and, when the emailing went to a collection or miniview, its subprofile (docs/api/emailings.md §6).
 * With the target's database known the links go straight to /databases/:databaseId/…; without it the
 * profile still opens through /profiles/:profileId, which looks the database up; a subprofile then
 * has no link.
 */
export type RecipientLinks = { profile?: { id: string; url: string }; subprofile?: { id: string; url?: string } };

export function recipientLinks(databaseId: string | undefined, profile: string | null, subprofile: string | null): RecipientLinks {
  const db = databaseId ? `/databases/${encodeURIComponent(databaseId)}` : undefined;
  const links: RecipientLinks = {};
  if (profile)
    links.profile = { id: profile, url: db ? `${db}/profiles/${encodeURIComponent(profile)}` : `/profiles/${encodeURIComponent(profile)}` };
  if (subprofile) links.subprofile = { id: subprofile, url: db ? `${db}/subprofiles/${encodeURIComponent(subprofile)}` : undefined };
  return links;
}
