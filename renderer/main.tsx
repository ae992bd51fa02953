import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { getApi } from './api';
import { App } from './App';
import { NotConnected } from './screens/NotConnected';
import { i18n } from './i18n';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

const api = getApi();
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>{api ? <App api={api} /> : <NotConnected />}</I18nextProvider>
  </StrictMode>,
);
