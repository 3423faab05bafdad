import { defineConfig } from 'vite';

// The page is served by Hundred at /dashboard/ (DashboardRoutes); its files go into the jar under dashboard/.
export default defineConfig({
  root: 'src',
  base: '/dashboard/',
  build: {
    outDir: '../target/classes/dashboard',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
  },
});
