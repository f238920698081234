import { lazy, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router-dom';
import Home from './Home.jsx';
import NotFound from './NotFound.jsx';

const Doctor = lazy(() => import('./Doctor.jsx'));

export default function App() {
  return (
    <>
      <header>
        <Link to="/">Clinic directory</Link>
      </header>
      <main>
        <Suspense fallback={<p>Loading…</p>}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/doctors/:slug" element={<Doctor />} />
            <Route path="*" element={<NotFound what="Page" />} />
          </Routes>
        </Suspense>
      </main>
      <footer>Built with React and Vite.</footer>
    </>
  );
}
