import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans/latin-700.css';
import './ui/app.css';
import './i18n';
import { Atlas } from './app/atlas';
import { AtlasContext } from './ui/AtlasContext';
import { App } from './ui/App';
import { automationApi } from './api/automation';
import { readUrlState } from './state/url-state';
import { syncUrl } from './app/url-sync';
import { AppUpdate } from './app/app-update';
import { UpdateNotice } from './ui/UpdateNotice';
import { OfflineNotice } from './ui/OfflineNotice';

const fromUrl = readUrlState(window.location.search, window.location.hash);
const atlas = new Atlas(fromUrl.state, fromUrl.invalid);
syncUrl(atlas.state);
(window as unknown as { ntmAtlas: unknown }).ntmAtlas = automationApi(atlas);
// the production build's service worker (vite.config.ts), registered once the start-up is over, however it ended
const update = new AppUpdate();
const registerWorker = () => void update.register(`${import.meta.env.BASE_URL}sw.js`);
if (import.meta.env.PROD) atlas.ready.then(registerWorker, registerWorker);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AtlasContext.Provider value={atlas}>
      <App mapNotices={<OfflineNotice update={update} />} />
      <UpdateNotice update={update} />
    </AtlasContext.Provider>
  </StrictMode>,
);
