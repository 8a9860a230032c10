// What a person who navigated to a refused or missing page reads, in the tenant's language (the API's
// problem+json keeps its English titles and codes for programs). Codes without a text here use `other`.
export type ProblemPageLocale = 'da' | 'sv' | 'en';

export interface ProblemPageText {
  title: string;
  body: string;
}

interface LocaleTexts {
  codes: Record<string, ProblemPageText>;
  other: ProblemPageText;
  /** The link back to the start page of the site the person is on. */
  back: { admin: string; public: string };
  request: string;
}

export const PROBLEM_PAGE_TEXTS: Record<ProblemPageLocale, LocaleTexts> = {
  da: {
    codes: {
      forbidden: { title: 'Du har ikke adgang til denne side', body: 'Din rolle giver ikke adgang hertil. Kontakt en administrator, hvis du skal have adgang.' },
      unauthenticated: { title: 'Du skal logge ind', body: 'Log ind for at se denne side.' },
      not_found: { title: 'Siden findes ikke', body: 'Adressen peger ikke på noget her. Måske er siden flyttet eller slettet.' },
      login_unavailable: { title: 'Der kan ikke logges ind på denne side endnu', body: 'Prøv igen senere, eller kontakt kommunen.' },
      malformed_request: { title: 'Adressen kunne ikke læses', body: 'Kontrollér adressen, og prøv igen.' },
    },
    other: { title: 'Siden kan ikke vises', body: 'Prøv igen senere.' },
    back: { admin: 'Tilbage til administrationen', public: 'Tilbage til forsiden' },
    request: 'Forespørgsel',
  },
  sv: {
    codes: {
      forbidden: { title: 'Du har inte behörighet till den här sidan', body: 'Din roll ger inte åtkomst hit. Kontakta en administratör om du behöver åtkomst.' },
      unauthenticated: { title: 'Du behöver logga in', body: 'Logga in för att se den här sidan.' },
      not_found: { title: 'Sidan finns inte', body: 'Adressen leder inte till något här. Sidan kan ha flyttats eller tagits bort.' },
      login_unavailable: { title: 'Det går inte att logga in på den här webbplatsen än', body: 'Försök igen senare eller kontakta kommunen.' },
      malformed_request: { title: 'Adressen kunde inte läsas', body: 'Kontrollera adressen och försök igen.' },
    },
    other: { title: 'Sidan kan inte visas', body: 'Försök igen senare.' },
    back: { admin: 'Tillbaka till administrationen', public: 'Tillbaka till startsidan' },
    request: 'Förfrågan',
  },
  en: {
    codes: {
      forbidden: { title: 'You do not have access to this page', body: 'Your role does not give access here. Ask an administrator if you need it.' },
      unauthenticated: { title: 'Log in to see this page', body: 'Log in to see this page.' },
      not_found: { title: 'This page does not exist', body: 'The address leads nowhere here. The page may have moved or been removed.' },
      login_unavailable: { title: 'Logging in is not available on this site yet', body: 'Try again later, or contact the municipality.' },
      malformed_request: { title: 'The address could not be read', body: 'Check the address and try again.' },
    },
    other: { title: 'The page cannot be shown', body: 'Try again later.' },
    back: { admin: 'Back to the administration', public: 'Back to the start page' },
    request: 'Request',
  },
};

export function problemPageLocale(locale: string | undefined): ProblemPageLocale {
  return locale === 'da' || locale === 'sv' ? locale : 'en';
}
