self.addEventListener('fetch', function () { });
