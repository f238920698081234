import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import App from './App.vue';
import Home from './pages/Home.vue';
import NotFound from './pages/NotFound.vue';

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: Home },
    { path: '/doctors/:slug', component: () => import('./pages/Doctor.vue') },
    { path: '/:rest(.*)*', component: NotFound, props: { what: 'Page' } },
  ],
});

createApp(App).use(router).mount('#app');
