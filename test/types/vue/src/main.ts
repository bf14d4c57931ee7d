import { createApp } from 'vue';
import '@omneo/widgets';
import App from './App.vue';

createApp(App).mount('#app');
