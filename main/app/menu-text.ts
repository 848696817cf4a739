import type { Locale } from '../../shared/contract/schemas';

/** The texts of the application menu and the About box; `&` marks the Alt-key letter of a top-level menu. */
export interface MenuText {
  file: string;
  edit: string;
  view: string;
  help: string;
  syncNow: string;
  quit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  reload: string;
  devTools: string;
  openLogFolder: string;
  about: string;
  /** The About box's second line; `{version}` is the app version. */
  version: string;
}

/** The menu in every UI language (the compiler refuses a language or a text left out). */
export const MENU_TEXT: Record<Locale, MenuText> = {
  en: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    help: '&Help',
    syncNow: 'Sync now',
    quit: 'Quit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    reload: 'Reload',
    devTools: 'Developer tools',
    openLogFolder: 'Open log folder',
    about: 'About',
    version: 'Version {version}',
  },
  nb: {
    file: '&Fil',
    edit: 'R&ediger',
    view: '&Vis',
    help: '&Hjelp',
    syncNow: 'Synkroniser nå',
    quit: 'Avslutt',
    undo: 'Angre',
    redo: 'Gjør om',
    cut: 'Klipp ut',
    copy: 'Kopier',
    paste: 'Lim inn',
    selectAll: 'Merk alt',
    resetZoom: 'Faktisk størrelse',
    zoomIn: 'Zoom inn',
    zoomOut: 'Zoom ut',
    fullScreen: 'Fullskjerm',
    reload: 'Last inn på nytt',
    devTools: 'Utviklerverktøy',
    openLogFolder: 'Åpne loggmappen',
    about: 'Om',
    version: 'Versjon {version}',
  },
  sv: {
    file: '&Arkiv',
    edit: '&Redigera',
    view: '&Visa',
    help: '&Hjälp',
    syncNow: 'Synkronisera nu',
    quit: 'Avsluta',
    undo: 'Ångra',
    redo: 'Gör om',
    cut: 'Klipp ut',
    copy: 'Kopiera',
    paste: 'Klistra in',
    selectAll: 'Markera allt',
    resetZoom: 'Verklig storlek',
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    fullScreen: 'Helskärm',
    reload: 'Läs in igen',
    devTools: 'Utvecklarverktyg',
    openLogFolder: 'Öppna loggmappen',
    about: 'Om',
    version: 'Version {version}',
  },
  da: {
    file: '&Filer',
    edit: 'R&ediger',
    view: '&Vis',
    help: '&Hjælp',
    syncNow: 'Synkronisér nu',
    quit: 'Afslut',
    undo: 'Fortryd',
    redo: 'Gentag',
    cut: 'Klip',
    copy: 'Kopiér',
    paste: 'Sæt ind',
    selectAll: 'Markér alt',
    resetZoom: 'Faktisk størrelse',
    zoomIn: 'Zoom ind',
    zoomOut: 'Zoom ud',
    fullScreen: 'Fuld skærm',
    reload: 'Genindlæs',
    devTools: 'Udviklerværktøjer',
    openLogFolder: 'Åbn logmappen',
    about: 'Om',
    version: 'Version {version}',
  },
  fi: {
    file: '&Tiedosto',
    edit: '&Muokkaa',
    view: '&Näytä',
    help: '&Ohje',
    syncNow: 'Synkronoi nyt',
    quit: 'Lopeta',
    undo: 'Kumoa',
    redo: 'Tee uudelleen',
    cut: 'Leikkaa',
    copy: 'Kopioi',
    paste: 'Liitä',
    selectAll: 'Valitse kaikki',
    resetZoom: 'Todellinen koko',
    zoomIn: 'Lähennä',
    zoomOut: 'Loitonna',
    fullScreen: 'Koko näyttö',
    reload: 'Lataa uudelleen',
    devTools: 'Kehittäjätyökalut',
    openLogFolder: 'Avaa lokikansio',
    about: 'Tietoja',
    version: 'Versio {version}',
  },
};
