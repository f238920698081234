fetch('CANARY/from-worker').then(function () { postMessage('reached'); }, function () { postMessage('blocked'); });
