import { describe, expect, it } from 'vitest';
import { parseWith, UnexpectedShapeError } from '../client';
import { schemas } from './databases';
import { emailingSchemas } from './emailings';
import { profileSchemas } from './profiles';

const field = {
  ID: '201',
  name: 'email',
  type: 'email',
  value: '',
  displayed: true,
  ordered: false,
  length: '100',
  textlines: '0',
  hidden: false,
  index: true,
};
const wrap = <T>(data: T[]) => ({ start: 0, limit: 1000, count: data.length, data, total: data.length });
const database = {
  ID: '31',
  name: 'Customers',
  description: 'Webshop customers',
  archived: false,
  created: '2023-05-02 09:14:00',
  fields: wrap([field]),
  interests: wrap([{ ID: '12', name: 'golf', group: 'sports' }]),
  collections: wrap([
    { ID: '77', name: 'orders', database: '31', fields: wrap([]), intentions: { email: null, sms: null, fax: null, pdf: null } },
  ]),
  intentions: { email: 1, sms: null, fax: null, pdf: null },
};

describe('response schemas', () => {
  it('accept the documented database list and keep what they do not know', () => {
    const page = parseWith(schemas.databases, wrap([{ ...database, extra: 'kept' }]), 'databases');
    expect(page.data[0]).toMatchObject({ ID: '31', name: 'Customers', extra: 'kept' });
    expect(page.data[0]?.fields.data[0]).toEqual(field);
  });

  it('are lenient where Copernica is: numeric IDs, 0/1 flags, null descriptions, missing total', () => {
    const loose = { ...database, ID: 31, archived: 0, description: null, intentions: undefined };
    const { total: _total, ...withoutTotal } = wrap([loose]);
    const page = parseWith(schemas.databases, withoutTotal, 'databases');
    expect(page.data[0]).toMatchObject({ ID: '31', archived: false, description: '' });
    expect(page.total).toBeUndefined();
  });

  it('refuse an answer of the wrong shape with an UnexpectedShapeError naming the place', () => {
    for (const wrong of [{ foo: 1 }, null, [], 'ok'])
      expect(() => parseWith(schemas.databases, wrong, 'databases')).toThrow(UnexpectedShapeError);
    expect(() => parseWith(schemas.database, { ...database, fields: null }, 'database/31')).toThrow(/database\/31: fields/);
  });

  it('read profiles with and without dataonly', () => {
    const full = {
      ID: '4711',
      fields: { email: 'ann@example.org', age: '41' },
      interests: ['golf'],
      database: '31',
      secret: 'abc',
      created: '2024-02-01 10:00:00',
      modified: '2024-02-03 08:30:12',
      removed: false,
    };
    expect(parseWith(profileSchemas.profile, full, 'profile/4711')).toEqual(full);
    const dataonly = { ID: 4711, fields: { email: 'ann@example.org', age: 41 }, interests: [], modified: '2024-02-03 08:30:12' };
    expect(parseWith(profileSchemas.profiles, wrap([dataonly]), 'profiles').data[0]).toMatchObject({
      ID: '4711',
      fields: { age: '41' },
      database: '',
    });
    expect(() => parseWith(profileSchemas.profile, { ID: '1', fields: 'x', modified: '' }, 'profile/1')).toThrow(UnexpectedShapeError);
  });

  it('check the emailing list wrapper and refuse null statistics', () => {
    expect(parseWith(emailingSchemas.list, wrap([{ id: 5, subject: 'Hi' }]), 'publisher/emailings').data).toHaveLength(1);
    expect(() => parseWith(emailingSchemas.list, { data: null }, 'publisher/emailings')).toThrow(UnexpectedShapeError);
    expect(() => parseWith(emailingSchemas.object, null, 'statistics')).toThrow(UnexpectedShapeError);
  });
});
