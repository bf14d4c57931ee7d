import { createApp } from 'vue';
// Registers every element (per-element imports work too: '@omneo/widgets/points-balance').
import '@omneo/widgets';
import App from './App.vue';

createApp(App).mount('#app');
