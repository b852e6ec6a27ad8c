// What the toolbar and the About link do: dialogs, the PNG of the map as shown, CSV and GeoJSON downloads.
import { fileStem } from '../derive/describe';
import { countryNameIn, selectViewTitle, stageLocale } from '../state/selectors';
import { stageLines } from '../derive/stages';
import { mineralName, type MoreMessages } from '../i18n';
import { actions } from '../state/store';
import type { PanelHandlers } from '../ui/panels';
import { $, type App } from './context';

/** PNG of the map exactly as shown, at 1x, 2x or 3x, with title, legend and attribution drawn in. */
async function exportPng(app: App, ratio: number): Promise<void> {
  // Its words load with it (src/i18n/more.ts), like the export itself.
  let m: () => MoreMessages['png'];
  try {
    const { more } = await import('../i18n/more');
    m = () => more(app.store.getState().lang).png;
  } catch (error) {
    app.loaders.fileFailed(error, 'PNG export');
    return;
  }
  if (!app.map) {
    actions.notify(app.store, 'warning', m().noMap);
    return;
  }
  try {
    const mod = await import('../ui/export');
    const images = await app.map.capture(ratio);
    const s = app.store.getState();
    // The stage view and the year's shares go into the image when the reader can see them in the panel.
    const shown = document.querySelector('[data-testid="stage-view"]');
    const stages = shown && shown.getClientRects().length > 0 ? app.chunks.chart?.selectStageView(s) : null;
    const panel = stages
      ? {
          title: m().stageTitle(
            mineralName(s.lang, s.filters.minerals[0] ?? '', stages.mineral),
            String(s.filters.year),
          ),
          lines: stageLines(stages.cells, s.filters.year, countryNameIn(s), stageLocale(s.lang)),
        }
      : null;
    const canvas = mod.composePng(s, images, ratio, panel);
    mod.download(`${fileStem(s.filters, s.scenario)}@${ratio}x.png`, await mod.pngBlob(canvas));
  } catch (error) {
    // The two failures of our own are said in the reader's language; anything else keeps the browser's message.
    const e = error as Error;
    const reason =
      e.name === 'CaptureTimeout' ? m().timeout : e.name === 'EncodeError' ? m().encode : e.message;
    actions.notify(app.store, 'error', m().failed(reason));
  }
}

export function toolbarHandlers(app: App): PanelHandlers {
  const about = $<HTMLDialogElement>('#about');
  const share = $<HTMLDialogElement>('#share');
  const state = () => app.store.getState();
  // The reader's choice of stable ids for the CSV headers (the toolbar's checkbox, kept for the session): passed to
  // the CSV download here and set in state/export.ts for the scenario CSV (loaded lazily, like the exports).
  let ids = false;
  return {
    onExportIds(on) {
      // Loaded only when the choice differs from the default (off), so the first view fetches no export code.
      if (on === ids) return;
      ids = on;
      void import('../state/export').then((x) => x.preferExportIds(on));
    },
    onLangFailed(error) {
      app.loaders.fileFailed(error, 'Japanese text');
    },
    onProjects() {
      actions.setProjectsView(app.store, { open: true });
    },
    onAbout() {
      void import('../ui/about').then((m) => {
        m.renderAbout(about, state().data, state().lang);
        about.showModal();
      });
    },
    onShare() {
      void import('../ui/share').then((m) => m.openShareDialog(share, state(), selectViewTitle(state())));
    },
    onPng: (ratio) => void exportPng(app, ratio),
    onCsv: () => void import('../ui/export').then((x) => x.downloadCsv(state(), ids)),
    onGeoJson: () => void import('../ui/export').then((x) => x.downloadGeoJson(state())),
    onTable: () => actions.setTable(app.store, !state().table),
  };
}
