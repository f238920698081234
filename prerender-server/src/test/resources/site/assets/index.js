class App {
  async render() {
    document.getElementById('app').innerHTML = '<h1>Rendered by a module</h1>';
  }
}
new App().render();
