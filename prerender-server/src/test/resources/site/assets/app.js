document.getElementById('app').innerHTML =
  '<a id="rel" href="doctors/17">Doctor</a> <a id="abs" href="/about">About</a>' +
  ' <a id="frag" href="#top">Top</a> <a id="mail" href="mailto:a@example.com">Mail</a>' +
  ' <img id="img" src="img/logo.png" alt="logo">';
