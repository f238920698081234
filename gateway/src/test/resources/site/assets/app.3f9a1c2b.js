window.hashed = true;
