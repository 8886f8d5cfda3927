// Calls pow from the browser. A CORS failure shows up as a TypeError from fetch (the browser
// hides the response), which is exactly what students should see before the fix.
const form = document.getElementById('pow-form');
const api = document.getElementById('api');
const result = document.getElementById('result');

// The lesson opens this page with ?api=<the function's /pow URL>.
api.value = new URLSearchParams(location.search).get('api') ?? '';

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const url = new URL(api.value);
  url.searchParams.set('x', document.getElementById('x').value);
  url.searchParams.set('y', document.getElementById('y').value);
  result.className = '';
  result.textContent = 'Calling…';
  try {
    const response = await fetch(url);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
    result.textContent = `${body.x}^${body.y} = ${body.result}`;
  } catch (e) {
    result.className = 'error';
    result.textContent =
      e instanceof TypeError
        ? 'Blocked: the browser refused to read the response. Open the developer tools console — it names the missing Access-Control-Allow-Origin header.'
        : e.message;
  }
});
