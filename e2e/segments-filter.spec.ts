import { apiCreate, apiGet, expect, expectNoA11yViolations, signIn, test, uniqueName } from './fixtures.ts';

type Paged<T> = { count: number; total?: number; data: T[] };
type Field = { ID: string; name: string; type: string; value: string };

/** A database of our own: a text field and a choice field, and profiles in every combination that matters. */
async function seed(page: Parameters<typeof apiCreate>[0]) {
  const db = await apiCreate(page, 'databases', { name: uniqueName('E2E_segments') });
  await apiCreate(page, `database/${db}/fields`, { name: 'email', type: 'email', displayed: true });
  await apiCreate(page, `database/${db}/fields`, { name: 'city', type: 'text', displayed: true });
  await apiCreate(page, `database/${db}/fields`, {
    name: 'country',
    type: 'select',
    value: 'NL*\r\nBE\r\nDE\r\nFR\r\nGB',
    displayed: true,
  });
  const people = [
    ['Delft', 'NL'],
    ['Delft', 'BE'],
    ['Delft', 'NL'],
    ['Gouda', 'NL'],
    ['delft', 'NL'],
    ['Delft', 'DE'],
  ];
  await Promise.all(
    people.map(([city, country], i) =>
      apiCreate(page, `database/${db}/profiles`, { fields: { email: `s${i}@example.org`, city, country } }),
    ),
  );
  return db;
}

test('profile filter → selection: choices, an unfinished row, the rule, and the same profiles through the API', async ({ page }) => {
  await signIn(page);
  const db = await seed(page);
  await page.goto(`/databases/${db}/profiles`);
  await expect(page.getByTestId('profiles-total')).toHaveText(/6 profiles/);

  // city == Delft AND country == NL; the choice field offers exactly the lines of its `value`.
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const first = page.getByRole('group', { name: 'Condition 1' });
  await first.getByLabel('Field').selectOption('city');
  await first.getByLabel('Value').fill('Delft');
  await page.getByRole('button', { name: 'Add condition' }).click();
  const second = page.getByRole('group', { name: 'Condition 2' });
  await second.getByLabel('Field').selectOption('country');
  const fields = await apiGet<Paged<Field>>(page, `database/${db}/fields`);
  const country = fields.data.find((f) => f.name === 'country') as Field;
  const lines = country.value.split(/\r?\n/).map((l) => l.replace(/\*$/, ''));
  const offered = await second.getByLabel('Value').locator('option').allTextContents();
  expect(offered.filter((o) => o !== '—')).toEqual(lines);
  // No value chosen yet: the row says so, and is not applied.
  await expect(second.getByTestId('filter-row-unfinished')).toContainText('Unfinished');
  await second.getByLabel('Value').selectOption('NL');
  await expect(second.getByTestId('filter-row-unfinished')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page).toHaveURL(/f=city%3D%3DDelft&f=country%3D%3DNL/);
  const expected = await apiGet<Paged<{ ID: string }>>(
    page,
    `database/${db}/profiles?fields[]=${encodeURIComponent('city==Delft')}&fields[]=${encodeURIComponent('country==NL')}&dataonly=true&total=true`,
  );
  const expectedIds = expected.data.map((p) => p.ID).sort();
  expect(expectedIds.length).toBeGreaterThan(0);
  await expect(page.getByTestId('profiles-total')).toHaveText(new RegExp(`\\b${expected.total} profiles?$`));

  // A blank row changes nothing: it is marked unfinished and left out.
  await page.getByRole('button', { name: 'Add condition' }).click();
  const third = page.getByRole('group', { name: 'Condition 3' });
  await expect(third.getByTestId('filter-row-unfinished')).toContainText('enter a value');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page).toHaveURL(/f=city%3D%3DDelft&f=country%3D%3DNL$/);
  await expect(page.getByTestId('profiles-total')).toHaveText(new RegExp(`\\b${expected.total} profiles?$`));

  // Save as selection: the rule in words and its count first, then a name.
  await page.getByRole('button', { name: 'Save as selection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the filter as a selection' });
  await expect(dialog.getByTestId('selection-sentence')).toHaveText('Profiles where city equals “Delft” and country equals “NL”.');
  await expect(dialog.getByTestId('selection-count')).toHaveText(`${expected.total} profiles match now.`);
  await expectNoA11yViolations(page);
  const name = uniqueName('From_filter');
  await dialog.getByLabel('Name of the new selection').fill(name);
  await dialog.getByRole('button', { name: 'Create and open' }).dblclick();
  // Several writes in a row (view, rule, conditions): give a loaded machine time.
  await expect(page).toHaveURL(/\/views\/\d+$/, { timeout: 30_000 });
  const viewId = /\/views\/(\d+)$/.exec(page.url())?.[1] as string;

  // One selection of that name (the double click made one), holding exactly the filter's profiles.
  const views = await apiGet<Paged<{ ID: string; name: string }>>(page, `database/${db}/views`);
  expect(views.data.filter((v) => v.name === name).map((v) => v.ID)).toEqual([viewId]);
  const members = await apiGet<Paged<{ ID: string }>>(page, `view/${viewId}/profiles?dataonly=true`);
  expect(members.data.map((p) => p.ID).sort()).toEqual(expectedIds);
});
