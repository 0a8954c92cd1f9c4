import { defineMessages } from '@/i18n/i18n';

export const authMessages = defineMessages(
  {
    title: 'Sign in to Orrery',
    intro:
      'Orrery works on your Copernica account through the REST API. Your access token stays on the server; this browser only keeps a session cookie.',
    tokenLabel: 'Access token',
    tokenDescription: 'A REST API access token of your Copernica account (Account → REST API).',
    tokenRequired: 'Paste an access token',
    submit: 'Sign in',
    or: 'or',
    oauth: 'Sign in with Copernica',
    expired: 'Your session has ended. Sign in again to continue where you were.',
    failed: 'Sign-in failed',
    expiredTitle: 'Sign in again',
    expiredKeep: 'Your session has ended. Sign in again; what you were editing on this page is kept.',
  },
  {
    title: 'Aanmelden bij Orrery',
    intro:
      'Orrery werkt via de REST API met je Copernica-account. Je access token blijft op de server; deze browser bewaart alleen een sessiecookie.',
    tokenLabel: 'Access token',
    tokenDescription: 'Een REST API-access token van je Copernica-account (Account → REST API).',
    tokenRequired: 'Plak een access token',
    submit: 'Aanmelden',
    or: 'of',
    oauth: 'Aanmelden met Copernica',
    expired: 'Je sessie is verlopen. Meld je opnieuw aan om verder te gaan waar je was.',
    failed: 'Aanmelden mislukt',
    expiredTitle: 'Opnieuw aanmelden',
    expiredKeep: 'Je sessie is verlopen. Meld je opnieuw aan; wat je op deze pagina aan het bewerken was, blijft bewaard.',
  },
);
