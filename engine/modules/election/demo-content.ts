// What the demo municipalities' election staffing looks like on first start (demo.ts makes it through the
// module's commands): Korsbæk with a municipal election on 18 November, four areas, a dozen polling stations, the
// Danish task types and the parliamentary parties as teams; Småköping with a Swedish general election, its
// polling stations and the Swedish roles. Fictional places; the people come from the registry simulator.
import type { Country } from '../../db/models';

export interface DemoTaskType {
  title: string;
  shortName: string;
  description: string;
  startTime: string;
  endTime: string;
  payment: number;
  trusted: boolean;
  reminders: boolean;
}

export interface DemoTeam {
  name: string;
  shortName: string;
  politicalParty: boolean;
}

export interface DemoWorkLocation {
  area: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  districtNumber: string;
}

export interface DemoElection {
  title: string;
  type: string;
  electionDay: string;
  /** Days before election day the tasks start (postal votes) and after it they end (the recount). */
  firstTaskOffsetDays: number;
  lastTaskOffsetDays: number;
  lockDays: number;
}

export interface DemoContent {
  areas: string[];
  workLocations: DemoWorkLocation[];
  taskTypes: DemoTaskType[];
  teams: DemoTeam[];
  diets: string[];
  election: DemoElection;
  /**
   * The task types (by short name) as roles of the national election system's file, null for those left out of it;
   * absent where the demo has no such system set up (Valg Central is Danish).
   */
  electionSystemRoles?: Record<string, string | null>;
  /** Test people (engine/simulators/test-people.json ids) made participants by registry lookup. */
  participants: string[];
  /** The public site's election pages, in the tenant's language. */
  locale: 'da' | 'sv';
  frontPage: string;
  faq: { question: string; answer: string }[];
  contact: { email: string; phone: string; address: string; openingHours: string };
}

const dkStation = (area: string, name: string, address: string, districtNumber: string): DemoWorkLocation => ({ area, name, address, postalCode: '4000', city: 'Korsbæk', districtNumber });
const seStation = (area: string, name: string, address: string, districtNumber: string): DemoWorkLocation => ({ area, name, address, postalCode: '123 45', city: 'Småköping', districtNumber });

export const DEMO_CONTENT: Record<Country, DemoContent> = {
  DK: {
    areas: ['Nord', 'Syd', 'Vest', 'Øst'],
    workLocations: [
      dkStation('Nord', 'Nørreskolen', 'Skolevej 2', '1'),
      dkStation('Nord', 'Korsbæk Hallen', 'Idrætsvej 10', '2'),
      dkStation('Nord', 'Nørre Sogns Forsamlingshus', 'Kirkestræde 4', '3'),
      dkStation('Syd', 'Søndre Skole', 'Sydvej 31', '4'),
      dkStation('Syd', 'Strandgården', 'Strandvejen 12', '5'),
      dkStation('Syd', 'Korsbæk Bibliotek', 'Algade 1', '6'),
      dkStation('Vest', 'Vestervang Skole', 'Vestervang 8', '7'),
      dkStation('Vest', 'Aktivitetscentret', 'Møllevej 3', '8'),
      dkStation('Vest', 'Ådalens Borgerhus', 'Ådalen 15', '9'),
      dkStation('Øst', 'Østre Skole', 'Østergade 20', '10'),
      dkStation('Øst', 'Rådhuset', 'Torvet 1', '11'),
      dkStation('Øst', 'Ørslev Kulturhus', 'Ørslevvej 6', '12'),
    ],
    taskTypes: [
      { title: 'Valgstyrer', shortName: 'VS', description: 'Leder afstemningen på valgstedet sammen med de øvrige valgstyrere og tæller stemmerne op efter kl. 20.', startTime: '07:30', endTime: '23:00', payment: 0, trusted: true, reminders: true },
      { title: 'Valgstyrerformand', shortName: 'VSF', description: 'Har ansvaret for valgstedet på valgdagen og for optællingen.', startTime: '07:00', endTime: '23:30', payment: 0, trusted: true, reminders: true },
      { title: 'Tilforordnet', shortName: 'TF', description: 'Hjælper vælgerne, udleverer stemmesedler og deltager i optællingen.', startTime: '07:30', endTime: '23:00', payment: 850, trusted: false, reminders: true },
      { title: 'Valgsekretær', shortName: 'SEK', description: 'Fører valgbogen og indberetter resultatet.', startTime: '07:30', endTime: '23:00', payment: 1200, trusted: true, reminders: true },
      { title: 'Fintæller', shortName: 'FT', description: 'Deltager i fintællingen dagen efter valget på rådhuset.', startTime: '09:00', endTime: '16:00', payment: 650, trusted: false, reminders: true },
      { title: 'Brevstemmemodtager', shortName: 'BSM', description: 'Modtager brevstemmer i Borgerservice i ugerne før valget.', startTime: '10:00', endTime: '15:00', payment: 500, trusted: false, reminders: false },
    ],
    teams: [
      { name: 'Socialdemokratiet', shortName: 'A', politicalParty: true },
      { name: 'Radikale Venstre', shortName: 'B', politicalParty: true },
      { name: 'Det Konservative Folkeparti', shortName: 'C', politicalParty: true },
      { name: 'SF – Socialistisk Folkeparti', shortName: 'F', politicalParty: true },
      { name: 'Liberal Alliance', shortName: 'I', politicalParty: true },
      { name: 'Moderaterne', shortName: 'M', politicalParty: true },
      { name: 'Dansk Folkeparti', shortName: 'O', politicalParty: true },
      { name: 'Venstre', shortName: 'V', politicalParty: true },
      { name: 'Danmarksdemokraterne', shortName: 'Æ', politicalParty: true },
      { name: 'Enhedslisten', shortName: 'Ø', politicalParty: true },
      { name: 'Alternativet', shortName: 'Å', politicalParty: true },
      { name: 'Borgerservice', shortName: 'BS', politicalParty: false },
      { name: 'Frivillige', shortName: 'FRI', politicalParty: false },
    ],
    diets: ['Vegetar', 'Vegansk', 'Glutenfri', 'Laktosefri', 'Halal'],
    election: { title: 'Kommunal- og regionsrådsvalg 2027', type: 'Kommunal- og regionsrådsvalg', electionDay: '2027-11-18', firstTaskOffsetDays: -21, lastTaskOffsetDays: 1, lockDays: 7 },
    // Valg Central takes Tilforordnet and Valgsekretær only; election officers go in as Tilforordnet (OS2valghalla's guide).
    electionSystemRoles: { VS: 'Tilforordnet', VSF: 'Tilforordnet', TF: 'Tilforordnet', SEK: 'Valgsekretær', FT: null, BSM: null },
    participants: ['dk-agnes', 'dk-mads', 'dk-elisabeth', 'dk-kristen'],
    locale: 'da',
    faq: [
      { question: 'Hvad får jeg for at være tilforordnet?', answer: 'Du får diæter efter kommunens takster, forplejning hele dagen og en tak fra demokratiet.' },
      { question: 'Kan jeg melde fra igen?', answer: 'Ja, under Mine opgaver — dog ikke den sidste uge før valget. Kontakt os, hvis du bliver syg.' },
      { question: 'Skal jeg være medlem af et parti?', answer: 'Nej. Partierne indstiller valgstyrere, men alle borgere over 18 år i kommunen kan melde sig som tilforordnet.' },
    ],
    contact: { email: 'valg@korsbaek.example', phone: '+45 44 44 44 44', address: 'Rådhuset, Torvet 1, 4000 Korsbæk', openingHours: 'Man–fre 9–15' },
    frontPage: 'Vil du hjælpe til ved valget? Korsbæk Kommune søger tilforordnede og fintællere til kommunal- og regionsrådsvalget. Du får forplejning og diæter, og du gør en forskel for demokratiet.',
  },
  SE: {
    areas: ['Norr', 'Söder', 'Väster', 'Öster'],
    workLocations: [
      seStation('Norr', 'Norrskolan', 'Skolgatan 2', '0001'),
      seStation('Norr', 'Folkets hus', 'Storgatan 14', '0002'),
      seStation('Söder', 'Söderhallen', 'Idrottsvägen 5', '0003'),
      seStation('Söder', 'Biblioteket', 'Torget 3', '0004'),
      seStation('Väster', 'Västerskolan', 'Västra vägen 9', '0005'),
      seStation('Väster', 'Ängens förskola', 'Ängsvägen 1', '0006'),
      seStation('Öster', 'Östra församlingshemmet', 'Kyrkvägen 7', '0007'),
      seStation('Öster', 'Kommunhuset', 'Stora torget 1', '0008'),
    ],
    taskTypes: [
      { title: 'Röstmottagare', shortName: 'RM', description: 'Tar emot rösterna i vallokalen och deltar i rösträkningen efter klockan 20.', startTime: '07:30', endTime: '22:00', payment: 1400, trusted: false, reminders: true },
      { title: 'Ordförande', shortName: 'ORD', description: 'Leder arbetet i vallokalen och ansvarar för rösträkningen.', startTime: '07:00', endTime: '22:30', payment: 2200, trusted: true, reminders: true },
      { title: 'Vice ordförande', shortName: 'VORD', description: 'Ersätter ordföranden och delar ansvaret för vallokalen.', startTime: '07:00', endTime: '22:30', payment: 1900, trusted: true, reminders: true },
    ],
    teams: [
      { name: 'Valnämndens röstmottagare', shortName: 'VN', politicalParty: false },
      { name: 'Kommunens medarbetare', shortName: 'KOM', politicalParty: false },
    ],
    diets: ['Vegetarisk', 'Vegansk', 'Glutenfri', 'Laktosfri'],
    election: { title: 'Allmänna val 2030', type: 'Allmänna val', electionDay: '2030-09-08', firstTaskOffsetDays: 0, lastTaskOffsetDays: 0, lockDays: 14 },
    participants: ['se-anna', 'se-erik', 'se-karin', 'se-ola'],
    locale: 'sv',
    faq: [
      { question: 'Vad får jag i arvode?', answer: 'Arvodet står vid varje uppgift. Du får också utbildning före valet.' },
      { question: 'Kan jag avanmäla mig?', answer: 'Ja, under Mina uppgifter — dock inte de sista två veckorna före valet. Kontakta oss om du blir sjuk.' },
    ],
    contact: { email: 'val@smakoping.example', phone: '+46 123 456 00', address: 'Kommunhuset, Stora torget 1, 123 45 Småköping', openingHours: 'Mån–fre 8–16' },
    frontPage: 'Vill du arbeta som röstmottagare i valet? Småköpings kommun söker röstmottagare till de allmänna valen. Du får utbildning och arvode.',
  },
};
